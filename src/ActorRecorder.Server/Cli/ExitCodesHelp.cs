using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ActorRecorder.Server.Cli;

/// <summary>Adds an "Exit codes:" section at the end of every command's help.</summary>
internal static class ExitCodesHelp
{
    private static readonly (int Code, string Meaning)[] Codes =
    [
        (ExitCodes.Success, "success (for replay: no answer differs)"),
        (ExitCodes.Difference, "replay found a difference"),
        (ExitCodes.Usage, "bad usage: unknown option, missing or invalid value, file not found or unreadable, output not writable"),
        (ExitCodes.Failure, "the command could not complete (e.g. replay or cluster could not reach the server, cluster: not a cluster node or 401; serve: the node was downed)"),
        (ExitCodes.Cancelled, "cancelled (Ctrl+C)"),
    ];

    /// <summary>Gives <paramref name="root"/>'s help option, which its subcommands share, the extra section.</summary>
    public static RootCommand WithExitCodes(this RootCommand root)
    {
        // System.CommandLine keeps its help layout internal: the section is written after the standard help instead.
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption) helpOption.Action = new WithSection(help);
        }
        return root;
    }

    private sealed class WithSection(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var result = help.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Exit codes:");
            foreach (var (code, meaning) in Codes) output.WriteLine($"  {code,-3}  {meaning}");
            output.WriteLine();
            return result;
        }
    }
}

using System.CommandLine;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Commands;

namespace ActorRecorder.Server;

/// <summary>The <c>actor-recorder</c> command: one subcommand per factory in <c>Commands/</c>.</summary>
public static class Program
{
    /// <summary>The root command with every subcommand; a new command is one more line here.</summary>
    public static RootCommand CreateRootCommand() => new RootCommand(CliText.RootDescription)
    {
        HelpName = CliText.Name,
        Subcommands =
        {
            InspectCommand.Create(),
            ReplayCommand.Create(),
            ExportCommand.Create(),
            ServeCommand.Create(),
            ClusterCommand.Create(),
        },
    }.WithExitCodes();

    /// <summary>The process entry point: runs the command line on the console and returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>
    /// Runs a command line as the process would, writing to <paramref name="stdout"/> and <paramref name="stderr"/>,
    /// and returns the exit code (see <see cref="ExitCodes"/>). Specs call this to capture the output.
    /// </summary>
    /// <param name="args">The command line, without the program name; none at all runs <c>serve</c>.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors, warnings and progress go.</param>
    /// <param name="cancellationToken">Stops the command (Ctrl+C does this for the process).</param>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        CommandRunner.RunAsync(CreateRootCommand(), WithDefaultCommand(args), stdout, stderr, cancellationToken);

    /// <summary>
    /// No arguments at all is <c>serve</c> with its defaults (<c>dotnet run --project src/ActorRecorder.Server</c> starts the
    /// server), and so is a command line that starts with one of serve's options (<c>-- --port 9000</c>).
    /// </summary>
    internal static string[] WithDefaultCommand(string[] args) =>
        args.Length == 0 || ServeCommand.OptionNames.Any(o => args[0] == o || args[0].StartsWith(o + "=", StringComparison.Ordinal)) ? [ServeCommand.Name, .. args] : args;
}

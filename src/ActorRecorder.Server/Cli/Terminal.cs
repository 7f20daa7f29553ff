using Spectre.Console;

namespace ActorRecorder.Server.Cli;

/// <summary>Spectre.Console consoles over the command's writers, with colours and live displays only on a real terminal.</summary>
internal static class Terminal
{
    /// <summary>A width for files and pipes, which have none: Spectre's default of 80 would wrap the tables' long cells.</summary>
    private const int RedirectedWidth = 160;

    /// <summary>True when <paramref name="writer"/> is the process's own stdout or stderr and that is not redirected.</summary>
    public static bool IsTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
        || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>A console writing to <paramref name="writer"/>: plain text unless it is a terminal.</summary>
    public static IAnsiConsole Over(TextWriter writer)
    {
        var terminal = IsTerminal(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = RedirectedWidth;
        return console;
    }
}

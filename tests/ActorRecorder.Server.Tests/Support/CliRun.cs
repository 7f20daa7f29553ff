namespace ActorRecorder.Server.Tests.Support;

/// <summary>What a run of the command line gave: its exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>For assertion messages: everything the run said.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

namespace ActorRecorder.Server.Tests.Support;

/// <summary>Runs actor-recorder in-process through the entry the program uses, capturing its output.</summary>
public static class CliRunner
{
    /// <summary>Every command a spec runs ends within this, or the spec fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    /// <summary>Runs <paramref name="args"/>; <paramref name="cancellationToken"/> plays Ctrl+C.</summary>
    public static async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await Program.RunAsync(args, stdout, stderr, cancellationToken).WaitAsync(Patience);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }
}

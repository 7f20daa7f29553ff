using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Tests.Serving;
using ActorRecorder.Server.Tests.Support;
using ActorRecorder.Testing;
using Xunit;

namespace ActorRecorder.Server.Tests.Usage;

/// <summary>The built actor-recorder program, run as a process: its real entry point and exit codes.</summary>
public sealed class ProcessSpec : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task An_unknown_option_exits_with_2_and_names_it_on_stderr()
    {
        var file = RecordingFiles.Write(_directory, "s.jsonl", [RecordingFiles.Out("hello")]);

        var (exit, stdout, stderr) = await RunAsync("inspect", file, "--no-such-option");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--no-such-option", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task A_successful_command_exits_with_0_and_writes_to_stdout()
    {
        var file = RecordingFiles.Write(_directory, "s.jsonl", [RecordingFiles.Out("hello"), RecordingFiles.In("hi")]);

        var (exit, stdout, stderr) = await RunAsync("inspect", file, "--json");

        Assert.True(exit == ExitCodes.Success, stderr);
        Assert.Equal(2, (long)Json.Parse(stdout)["count"]!);
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Runs actor-recorder.dll, which the build copies beside the specs, with the dotnet host that runs them.</summary>
    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => ServerProcess.RunAsync(args);
}

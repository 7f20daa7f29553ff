namespace ActorRecorder.Recording.Tests.Support;

using ActorRecorder.Otp;
using ActorRecorder.Testing;
using Akka.Actor;
using Akka.Configuration;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

/// <summary>
/// Akka's xunit TestKit with expectations long enough for a loaded 2-core machine, a temp directory for
/// the spec's recordings, and helpers to start recorders (with or without write hooks) and read their files.
/// </summary>
public abstract class RecorderSpec : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>Bound for any single wait of a spec, so that a bug fails the spec instead of hanging it.</summary>
    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    protected RecorderSpec(ITestOutputHelper output, string? config = null)
        : base(ConfigurationFactory.ParseString(config ?? string.Empty).WithFallback(SpecConfig.Text), output: output)
    {
    }

    protected TempDirectory Dir { get; } = new();

    protected Task<IActorRef> StartAsync(string path, RecorderOptions? options = null) =>
        Recorder.StartAsync(Sys, path, options).WaitAsync(Bound);

    /// <summary>Starts a recorder whose writes and fsyncs go through <paramref name="write"/> and <paramref name="sync"/> first.</summary>
    private protected Task<IActorRef> StartHookedAsync(string path, RecorderOptions options, WriteHook? write = null, Action? sync = null) =>
        Recorder.StartHookedAsync(Sys, path, options, new RecorderHooks(write, sync)).WaitAsync(Bound);

    protected static Task<Flushed> FlushAsync(IActorRef recorder) => recorder.Ask<Flushed>(Flush.Instance, Bound);

    protected static Task<RecorderStats> StatsAsync(IActorRef recorder) => recorder.Ask<RecorderStats>(GetStats.Instance, Bound);

    protected static Task StopAsync(IActorRef recorder) => Recorder.StopAsync(recorder, Bound);

    /// <summary>The recorders supervisor's running children (<c>/user/root/recorders</c>).</summary>
    protected async Task<IReadOnlyList<IActorRef>> RecordersAsync()
    {
        var supervisor = await RootSupervisor.Get(Sys).RecordersAsync().WaitAsync(Bound);
        var children = await supervisor.WhichChildrenAsync(Bound);
        return [.. children.Where(c => c.Child is not null).Select(c => c.Child!)];
    }

    /// <summary>The state of the live recorder writing <paramref name="path"/>: where it stands (specs only read it).</summary>
    private protected RecorderState StateOf(string path) =>
        RecorderRegistry.Get(Sys).Find(Path.GetFullPath(path)) ?? throw new InvalidOperationException($"No recorder writes {path}.");

    /// <summary>The lines of the file, each parsed as a JSON object.</summary>
    protected static IReadOnlyList<JObject> JsonLines(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).Select(Json.Parse).ToList();

    protected static string Text(JObject line) => (string)line["data"]!;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Dir.Dispose();
    }
}

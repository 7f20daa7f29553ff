namespace ActorRecorder.Recording.Tests.Support;

using ActorRecorder.Actors;
using ActorRecorder.TestKit.Xunit2;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

/// <summary>A TestKit spec with a temp directory for its recordings and helpers to read them.</summary>
public abstract class RecorderSpec(ITestOutputHelper output) : TestKit(output)
{
    /// <summary>Bound for any single wait of a spec, so that a bug fails the spec instead of hanging it.</summary>
    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    protected TempDirectory Dir { get; } = new();

    protected Task<IActorRef> StartAsync(string path, RecorderOptions? options = null) =>
        Recorder.StartAsync(Sys, path, options).WaitAsync(Bound);

    protected static Task<Flushed> FlushAsync(IActorRef recorder) => recorder.Ask<Flushed>(Flush.Instance, Bound);

    protected static Task<RecorderStats> StatsAsync(IActorRef recorder) => recorder.Ask<RecorderStats>(GetStats.Instance, Bound);

    protected static Task StopAsync(IActorRef recorder) => Recorder.StopAsync(recorder, Bound);

    /// <summary>The state of the live recorder writing <paramref name="path"/>: where it stands (specs only read it).</summary>
    private protected RecorderState StateOf(string path) =>
        RecorderRegistry.For(Sys).Find(Path.GetFullPath(path)) ?? throw new InvalidOperationException($"No recorder writes {path}.");

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

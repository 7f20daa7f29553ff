using Akka.Actor;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Recording;

namespace ActorRecorder.Benchmarks.Recording;

/// <summary>A benchmark system with a temp directory for its recordings, both gone after the run.</summary>
public sealed class BenchRecording : IDisposable
{
    private BenchRecording(string name)
    {
        System = BenchSystem.Create(name);
        Directory = Path.Combine(Path.GetTempPath(), "actor-recorder-bench", Guid.NewGuid().ToString("N"));
        global::System.IO.Directory.CreateDirectory(Directory);
    }

    public ActorSystem System { get; }

    public string Directory { get; }

    public static BenchRecording Create(string name) => new(name);

    public string File(string name) => Path.Combine(Directory, name);

    public IActorRef Start(string file, RecorderOptions? options = null) =>
        Recorder.StartAsync(System, File(file), options ?? RecorderOptions.Default).GetAwaiter().GetResult();

    public static void Flush(IActorRef recorder) => BenchSystem.Await(recorder.Ask<Flushed>(ActorRecorder.Recording.Flush.Instance, TimeSpan.FromMinutes(5)));

    public void Dispose()
    {
        BenchSystem.Stop(System);
        global::System.IO.Directory.Delete(Directory, recursive: true);
    }
}

using System.Diagnostics;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Recording;
using Akka.Actor;

namespace ActorRecorder.Benchmarks.Cluster;

/// <summary>
/// Recording across nodes: <see cref="Entries"/> 64-byte text <see cref="Record"/>s told from node A to a recorder on
/// node B (resolved from A with an ActorSelection of B's address and the recorder's path), each serialized by
/// ClusterMessageSerializer, against the same Records told to the same kind of recorder from its own node B, measured
/// interleaved in the same run on the same two-node cluster. From the first Tell until Flush then GetStats, asked from
/// the telling side, show every entry written; the count must be exactly what was told, with nothing dropped.
/// </summary>
public static class RemoteRecordBenchmark
{
    public const string Name = "remote_record_entries_per_s";
    public const string BaselineName = "local_record_entries_per_s";
    public const string RatioName = "remote_record_vs_local";
    public const int Entries = 100_000;

    /// <summary>Told and flushed before the clock starts: the remote path's first use (serializer, endpoint) is not timed.</summary>
    private const int WarmEntries = 1_000;

    public static IReadOnlyList<Figure> Run() => Paired.Measure(RatioName,
        new Workload(Name, "entries/s", () => Timed(remote: true),
            $"{Entries} 64-byte text Records told from node A to a recorder on node B (default options), until Flush and GetStats from A show them all written"),
        new Workload(BaselineName, "entries/s", () => Timed(remote: false),
            $"the same {Entries} Records told on node B to its own recorder, until Flush and GetStats show them all written"),
        "none (remote / local: what Akka.Remote and our serializer cost per entry)");

    private static double Timed(bool remote)
    {
        var directory = Path.Combine(Path.GetTempPath(), "actor-recorder-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            using var nodes = BenchNodes.Form(2);
            var (a, b) = (nodes[0], nodes[1]);
            var recorder = BenchSystem.Await(Recorder.StartAsync(b, Path.Combine(directory, "record.jsonl")));
            var target = remote
                ? BenchSystem.Await(a.ActorSelection(new RootActorPath(BenchNodes.Address(b)) / recorder.Path.Elements).ResolveOne(BenchNodes.Patience))
                : recorder;
            if (remote && target.Path.Address != BenchNodes.Address(b))
                throw new InvalidOperationException($"The recorder resolved from node A is {target.Path}, not on node B.");

            var text = new string('x', 64);
            Tell(target, text, WarmEntries);
            AwaitWritten(target, WarmEntries);

            var start = Stopwatch.GetTimestamp();
            Tell(target, text, Entries);
            var stats = AwaitWritten(target, WarmEntries + Entries);
            var elapsed = Stopwatch.GetElapsedTime(start);

            if (stats.Entries != WarmEntries + Entries || stats.Dropped != 0 || stats.Failures != 0)
                throw new InvalidOperationException($"The recorder wrote {stats.Entries} entries (dropped {stats.Dropped}, failures {stats.Failures}), not {WarmEntries + Entries}.");
            return Measure.PerSecond(Entries, elapsed);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Tell(IActorRef recorder, string text, int count)
    {
        for (var i = 0; i < count; i++) recorder.Tell(new Record(Direction.Out, Frame.Text(text)), ActorRefs.NoSender);
    }

    /// <summary>Flush then GetStats, asked again until the stats count <paramref name="expected"/> entries or more; bounded.</summary>
    private static RecorderStats AwaitWritten(IActorRef recorder, long expected)
    {
        var deadline = DateTime.UtcNow + BenchNodes.Patience;
        while (true)
        {
            BenchSystem.Await(recorder.Ask<Flushed>(Flush.Instance, BenchNodes.Patience));
            var stats = BenchSystem.Await(recorder.Ask<RecorderStats>(GetStats.Instance, BenchNodes.Patience));
            if (stats.Entries >= expected) return stats;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The recorder had written {stats.Entries} of {expected} entries after {BenchNodes.Patience}.");
        }
    }
}

using Akka.Actor;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Recording;

namespace ActorRecorder.Benchmarks.Recording;

/// <summary>
/// Managed heap per open, idle recorder: 1 000 recorders each record and flush <see cref="Entries"/>
/// entries, then stay quiet for longer than their flush interval (a session between frames); heap delta / 1 000.
/// </summary>
/// <remarks>
/// Idle, a recorder holds no buffer and no JSON writer (both go after a quiet flush interval) and no
/// timer. What remains is its state, its open file handle, and what the kernel keeps for any actor
/// that has worked: notably the mailbox segment of its last messages (32 slots once it has had more than 4).
/// </remarks>
public static class IdleMemory
{
    public const string Name = "recorder_idle_bytes";
    public const int Recorders = 1_000;
    public const int Entries = 10;

    public static Figure Run() =>
        Measure.Median(Name, "B", Once, $"heap delta with {Recorders} open recorders, quiet for a flush interval after {Entries} entries / {Recorders}");

    private static double Once()
    {
        using var bench = BenchRecording.Create("idle");
        // The first recorder creates the per-system parts (supervisor, registry): not per-recorder cost.
        var first = bench.Start("first.jsonl");
        first.Tell(new Record(Direction.In, Frame.Text("warm")), ActorRefs.NoSender);
        BenchRecording.Flush(first);

        Measure.Collect();
        var before = GC.GetTotalMemory(true);
        var recorders = new IActorRef[Recorders];
        for (var i = 0; i < Recorders; i++)
        {
            recorders[i] = bench.Start($"idle-{i}.jsonl");
            for (var e = 0; e < Entries; e++) recorders[i].Tell(new Record(Direction.In, Frame.Text("hello")), ActorRefs.NoSender);
            BenchRecording.Flush(recorders[i]);
        }
        // Quiet for more than a flush interval (default 1 s): what an idle recorder keeps.
        Thread.Sleep(RecorderOptions.Default.FlushInterval + TimeSpan.FromMilliseconds(500));
        var after = GC.GetTotalMemory(true);
        GC.KeepAlive(recorders);
        return (after - before) / (double)Recorders;
    }
}

using System.Diagnostics;
using ActorRecorder.Actors;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Recording;

namespace ActorRecorder.Benchmarks.Recording;

/// <summary>
/// What recording costs the session: one Tell of a new Record of a 64-byte text frame, timed on the
/// caller's thread only (the timestamp, the Record and the enqueue) while the recorder writes on another.
/// </summary>
/// <remarks>
/// The Tells come in bursts of <see cref="Burst"/> that the recorder drains (untimed) before the next:
/// a session sends far fewer frames than one thread can Tell, and a flood that outruns the recorder
/// would time the garbage collector promoting an ever-longer mailbox rather than the Tell.
/// </remarks>
public static class TellCost
{
    public const string Name = "record_tell_ns";
    public const int Tells = 1_000_000;
    public const int Burst = 1_000;

    public static Figure Run() =>
        Measure.Median(Name, "ns", Once, $"{Tells} Tells of a 64-byte text frame from one thread, in bursts of {Burst} drained between bursts, caller side only");

    private static double Once()
    {
        using var bench = BenchRecording.Create("tell");
        var recorder = bench.Start("tell.jsonl");
        var text = new string('x', 64);
        long ticks = 0;
        for (var burst = 0; burst < Tells / Burst; burst++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < Burst; i++) recorder.Tell(new Record(Direction.Out, Frame.Text(text)), null);
            ticks += Stopwatch.GetTimestamp() - start;
            BenchRecording.Flush(recorder);
        }
        return ticks * (1e9 / Stopwatch.Frequency) / Tells;
    }
}

using System.Diagnostics;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Recording;
using Akka.Actor;

namespace ActorRecorder.Benchmarks.Recording;

/// <summary>
/// What recording costs the session: one Tell of a new Record of a 64-byte text frame, timed on the
/// caller's thread only (the timestamp, the Record and the enqueue) while the recorder writes on another;
/// against the same Tell to an idle Akka actor that does nothing with it, in the same run.
/// </summary>
/// <remarks>
/// The Tells come in bursts of <see cref="Burst"/> that the receiver drains (untimed) before the next:
/// a session sends far fewer frames than one thread can Tell, and a flood that outruns the recorder
/// would time the garbage collector promoting an ever-longer mailbox rather than the Tell.
/// </remarks>
public static class TellCost
{
    public const string Name = "record_tell_ns";
    public const string BaselineName = "akka_tell_ns";
    public const string RatioName = "record_tell_vs_akka_tell";
    public const int Tells = 1_000_000;
    public const int Burst = 1_000;

    public static IReadOnlyList<Figure> Run() => Paired.Measure(RatioName,
        new Workload(Name, "ns", Recorded, $"{Tells} Tells of a 64-byte text Record to a recorder from one thread, in bursts of {Burst}, caller side only; target ≤ 100 ns"),
        new Workload(BaselineName, "ns", Plain, $"the same Tells to an idle Akka actor that ignores them"),
        "≤ 1.1");

    private static double Recorded()
    {
        using var bench = BenchRecording.Create("tell");
        var recorder = bench.Start("tell.jsonl");
        return Time(recorder, () => BenchRecording.Flush(recorder));
    }

    private static double Plain()
    {
        var system = BenchSystem.Create("tell-akka");
        try
        {
            var idle = system.ActorOf(Props.Create(() => new Ignoring()));
            return Time(idle, () => BenchSystem.Await(idle.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromMinutes(5))));
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private static double Time(IActorRef target, Action drain)
    {
        var text = new string('x', 64);
        long ticks = 0;
        for (var burst = 0; burst < Tells / Burst; burst++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < Burst; i++) target.Tell(new Record(Direction.Out, Frame.Text(text)), ActorRefs.NoSender);
            ticks += Stopwatch.GetTimestamp() - start;
            drain();
        }
        return ticks * (1e9 / Stopwatch.Frequency) / Tells;
    }

    private sealed class Ignoring : ReceiveActor
    {
        public Ignoring() => ReceiveAny(_ => { });
    }
}

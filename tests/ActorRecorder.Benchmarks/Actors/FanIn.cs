using System.Diagnostics;
using ActorRecorder.Actors;
using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Actors;

/// <summary>8 sender threads Tell 2 million messages each to one counting actor; timed until it has counted them all.</summary>
public static class FanIn
{
    public const int Senders = 8;
    public const int PerSender = 2_000_000;

    public static Figure Run() =>
        Measure.Median($"fanin_{Senders}x{PerSender}", "msg/s", () => Once(Senders, PerSender),
            $"{Senders} sender threads, {PerSender} Tells each, one counting actor");

    public static double Once(int senders, int perSender)
    {
        var system = BenchSystem.Create("fanin");
        try
        {
            var total = (long)senders * perSender;
            var done = new ManualResetEventSlim();
            var counter = system.ActorOf(Props.Create(() => new Counter(total, done)));
            using var ready = new Barrier(senders + 1);
            var threads = Enumerable.Range(0, senders).Select(_ => new Thread(() =>
            {
                ready.SignalAndWait();
                var message = Payload.Instance;
                for (var i = 0; i < perSender; i++) counter.Tell(message, null);
            }) { IsBackground = true }).ToList();
            threads.ForEach(t => t.Start());
            ready.SignalAndWait();
            var start = Stopwatch.GetTimestamp();
            done.Wait();
            var elapsed = Stopwatch.GetElapsedTime(start);
            threads.ForEach(t => t.Join());
            return Measure.PerSecond(total, elapsed);
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private sealed class Payload
    {
        public static readonly Payload Instance = new();
    }

    private sealed class Counter(long expected, ManualResetEventSlim done) : ActorBase
    {
        private long _count;

        protected override bool Receive(object message)
        {
            if (++_count == expected) done.Set();
            return true;
        }
    }
}

using System.Diagnostics;
using ActorRecorder.Actors;
using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Actors;

/// <summary>
/// P pairs bounce messages: each pinger keeps up to <see cref="Window"/> messages in flight to its
/// ponger, which sends every message straight back. The figure counts every delivery (ping or
/// pong) over the whole run: 10 million in total, split over the pairs.
/// </summary>
public static class PingPong
{
    public const int Window = 1000;
    public const long TotalMessages = 10_000_000;

    public static Figure Run(int pairs) =>
        Measure.Median($"pingpong_P{pairs}", "msg/s", () => Once(pairs, TotalMessages),
            $"{pairs} pairs, {Window} in flight per pair, {TotalMessages} deliveries");

    public static double Once(int pairs, long totalMessages)
    {
        var system = BenchSystem.Create("pingpong");
        try
        {
            var roundTripsPerPair = totalMessages / 2 / pairs;
            var done = new CountdownEvent(pairs);
            var pingers = new List<IActorRef>(pairs);
            for (var i = 0; i < pairs; i++)
            {
                var ponger = system.ActorOf(Props.Create(() => new Ponger()));
                pingers.Add(system.ActorOf(Props.Create(() => new Pinger(ponger, roundTripsPerPair, done))));
            }
            var start = Stopwatch.GetTimestamp();
            foreach (var pinger in pingers) pinger.Tell(Go.Instance, null);
            done.Wait();
            var elapsed = Stopwatch.GetElapsedTime(start);
            return Measure.PerSecond(roundTripsPerPair * 2 * pairs, elapsed);
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private sealed class Go
    {
        public static readonly Go Instance = new();
    }

    private sealed class Ball
    {
        public static readonly Ball Instance = new();
    }

    private sealed class Ponger : ActorBase
    {
        protected override bool Receive(object message)
        {
            Sender.Tell(message, Self);
            return true;
        }
    }

    private sealed class Pinger(IActorRef ponger, long roundTrips, CountdownEvent done) : ActorBase
    {
        private long _sent;
        private long _received;

        protected override bool Receive(object message)
        {
            if (message is Go)
            {
                var initial = Math.Min(Window, roundTrips);
                for (var i = 0; i < initial; i++) ponger.Tell(Ball.Instance, Self);
                _sent = initial;
                return true;
            }

            _received++;
            if (_sent < roundTrips)
            {
                ponger.Tell(Ball.Instance, Self);
                _sent++;
            }
            else if (_received == roundTrips)
            {
                done.Signal();
            }
            return true;
        }
    }
}

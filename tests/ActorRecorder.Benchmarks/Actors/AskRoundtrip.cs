using System.Diagnostics;
using ActorRecorder.Actors;
using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Actors;

/// <summary>Sequential awaited Asks to an echo actor: the full round trip a caller waits for, per Ask.</summary>
public static class AskRoundtrip
{
    public const int Asks = 200_000;

    public static Figure Run() =>
        Measure.Median("ask_roundtrip", "us", () => Once(Asks), $"{Asks} sequential awaited Asks, 5 s timeout armed on each");

    public static double Once(int asks)
    {
        var system = BenchSystem.Create("ask");
        try
        {
            var echo = system.ActorOf(Props.Create(() => new Echo()));
            return Task.Run(async () =>
            {
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < asks; i++) await echo.Ask<Ping>(Ping.Instance).ConfigureAwait(false);
                return Stopwatch.GetElapsedTime(start).TotalMicroseconds / asks;
            }).GetAwaiter().GetResult();
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private sealed class Ping
    {
        public static readonly Ping Instance = new();
    }

    private sealed class Echo : ActorBase
    {
        protected override bool Receive(object message)
        {
            Sender.Tell(message, Self);
            return true;
        }
    }
}

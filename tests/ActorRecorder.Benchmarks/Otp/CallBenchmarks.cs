using System.Diagnostics;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Otp;
using Akka.Actor;

namespace ActorRecorder.Benchmarks.Otp;

/// <summary>
/// Call against Akka's Ask on a live actor (one at a time, the same timeout for both), and the time for a Call to a
/// dead actor to fail against the time Akka's own DeathWatch (<c>WatchAsync</c>) takes to report that actor dead.
/// </summary>
public static class CallBenchmarks
{
    public const int Calls = 100_000;
    public const int NoProcCalls = 2_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<Figure> Live() => Paired.Measure("call_vs_ask",
        new Workload("call_us", "us", () => RoundTrips((echo, m) => echo.Call<object>(m, Timeout)), $"{Calls} Calls one after another to an echoing actor, 5 s timeout"),
        new Workload("ask_us", "us", () => RoundTrips((echo, m) => echo.Ask<object>(m, Timeout)), $"{Calls} Asks one after another to an echoing actor, 5 s timeout"),
        "≤ 1.5");

    public static IReadOnlyList<Figure> NoProc() => Paired.Measure("call_noproc_vs_akka_watch",
        new Workload("call_noproc_ms", "ms", () => Dead(dead => dead.Call<object>("hello", TimeSpan.FromMinutes(1))),
            $"{NoProcCalls} Calls one after another to a dead actor, each until it fails with NoProcException; target ≤ 5 ms"),
        new Workload("watch_noproc_ms", "ms", () => Dead(dead => dead.WatchAsync()), $"{NoProcCalls} WatchAsync of the same dead actor, each until Akka reports it terminated"),
        "≈ 1 (Call adds nothing to Akka's DeathWatch)");

    private static double RoundTrips(Func<IActorRef, object, Task<object>> roundTrip)
    {
        var system = BenchSystem.Create("calls");
        try
        {
            var echo = system.ActorOf(Props.Create(() => new Echo()));
            var message = new object();
            return BenchSystem.Await(Run());

            async Task<double> Run()
            {
                for (var i = 0; i < 1_000; i++) await roundTrip(echo, message); // warm the paths before the clock starts
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < Calls; i++) await roundTrip(echo, message);
                return Stopwatch.GetElapsedTime(start).TotalMicroseconds / Calls;
            }
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private static double Dead(Func<IActorRef, Task> failing)
    {
        var system = BenchSystem.Create("noproc");
        try
        {
            var dead = system.ActorOf(Props.Create(() => new Echo()));
            BenchSystem.Await(dead.GracefulStop(TimeSpan.FromSeconds(10)));
            return BenchSystem.Await(Run());

            async Task<double> Run()
            {
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < NoProcCalls; i++)
                {
                    try
                    {
                        await failing(dead);
                    }
                    catch (NoProcException)
                    {
                    }
                }
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds / NoProcCalls;
            }
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }
}

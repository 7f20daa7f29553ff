using System.Diagnostics;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Otp;
using Akka.Actor;

namespace ActorRecorder.Benchmarks.Otp;

/// <summary>Stopping 10 000 children: one at a time in reverse start order (OTP), against Akka's stop of a parent (all at once).</summary>
public static class ShutdownBenchmarks
{
    public const int Children = 10_000;

    public static IReadOnlyList<Figure> Run() => Paired.Measure("otp_shutdown_vs_akka_stop",
        new Workload($"otp_shutdown_{Children}_ms", "ms", Otp, $"Supervisor.StopAsync of a one_for_one Supervisor with {Children} workers: each stopped and awaited before the next"),
        new Workload($"akka_stop_{Children}_ms", "ms", Stock, $"GracefulStop of a plain parent with {Children} children: Akka stops them all at once"),
        "none (lower is faster; the price of order)");

    private static double Otp()
    {
        var system = BenchSystem.Create("otp-shutdown");
        try
        {
            var specs = Enumerable.Range(0, Children).Select(i => new ChildSpec($"w{i}", Props.Create(() => new Idle()))).ToList();
            var supervisor = BenchSystem.Await(Supervisor.StartAsync(system, "sup", new SupervisorFlags(), specs));
            var start = Stopwatch.GetTimestamp();
            BenchSystem.Await(Supervisor.StopAsync(supervisor));
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private static double Stock()
    {
        var system = BenchSystem.Create("akka-stop");
        try
        {
            var parent = system.ActorOf(Props.Create(() => new StockParent(SupervisorStrategy.DefaultStrategy)));
            var children = BenchSystem.Await(parent.Ask<IActorRef[]>(Enumerable.Range(0, Children).Select(_ => Props.Create(() => new Idle())).ToArray(),
                TimeSpan.FromSeconds(60)));
            foreach (var c in children) BenchSystem.Await(c.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(10)));
            var start = Stopwatch.GetTimestamp();
            BenchSystem.Await(parent.GracefulStop(TimeSpan.FromMinutes(5)));
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }
}

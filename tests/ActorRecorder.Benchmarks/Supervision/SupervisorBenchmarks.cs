using System.Diagnostics;
using ActorRecorder.Actors;
using ActorRecorder.Actors.Supervision;
using ActorRecorder.Benchmarks.Actors;
using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Supervision;

/// <summary>
/// The OTP <see cref="Supervisor"/>'s figures: restarts of a crashing one_for_one worker (with the
/// supervisor's reports on, rate-limited), and the time to stop a supervisor of 10 000 children,
/// one at a time in reverse start order.
/// </summary>
public static class SupervisorBenchmarks
{
    public const int Restarts = 100_000;
    public const int Children = 10_000;

    public static Figure Restart() =>
        Measure.Median($"supervisor_restart_{Restarts}", "restarts/s", () => RestartOnce(Restarts),
            $"{Restarts} crashes of one permanent worker under a one_for_one Supervisor, intensity never reached");

    public static Figure Shutdown() =>
        Measure.Median($"supervisor_shutdown_{Children}", "ms", () => ShutdownOnce(Children),
            $"stop a one_for_one Supervisor with {Children} workers, one at a time in reverse start order");

    private static double RestartOnce(int crashes)
    {
        var system = BenchSystem.Create("supervisor-restart");
        try
        {
            var done = new ManualResetEventSlim();
            var counter = new Counter(crashes, done);
            var supervisor = Supervisor.StartAsync(system, "sup", new SupervisorFlags(intensity: int.MaxValue, period: TimeSpan.FromMinutes(1)),
                [new ChildSpec("crasher", Props.Create(() => new Crasher(counter)))]).GetAwaiter().GetResult();
            var child = supervisor.WhichChildrenAsync().GetAwaiter().GetResult()[0].Child!;
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < crashes; i++) child.Tell(i, null);
            done.Wait();
            return Measure.PerSecond(crashes, Stopwatch.GetElapsedTime(start));
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private static double ShutdownOnce(int children)
    {
        var system = BenchSystem.Create("supervisor-shutdown");
        try
        {
            var specs = Enumerable.Range(0, children).Select(i => new ChildSpec($"w{i}", Props.Create(() => new Idle()))).ToList();
            var supervisor = Supervisor.StartAsync(system, "sup", new SupervisorFlags(), specs).GetAwaiter().GetResult();
            var start = Stopwatch.GetTimestamp();
            if (!supervisor.GracefulStop(TimeSpan.FromMinutes(5)).GetAwaiter().GetResult())
                throw new TimeoutException("The supervisor did not stop.");
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private sealed class Counter(int expected, ManualResetEventSlim done)
    {
        private int _count;

        public void Restarted()
        {
            if (++_count == expected) done.Set();
        }
    }

    private sealed class Crasher(Counter counter) : ActorBase
    {
        protected override void PostRestart(Exception reason) => counter.Restarted();

        protected override bool Receive(object message) => throw new InvalidOperationException("crash");
    }

    private sealed class Idle : ActorBase
    {
        protected override bool Receive(object message) => true;
    }
}

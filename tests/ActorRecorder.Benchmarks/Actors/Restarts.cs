using System.Diagnostics;
using ActorRecorder.Actors;
using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Actors;

/// <summary>
/// A child that throws on every message, restarted by a one-for-one strategy whose limit never
/// trips; timed until the last restart. The baseline is a bare throw/catch on this machine: the
/// floor of any exception-driven restart.
/// </summary>
public static class Restarts
{
    public const int Count = 100_000;

    public static Figure Run() =>
        Measure.Median($"restart_{Count}", "restarts/s", () => Once(Count),
            $"{Count} failures of one child, one-for-one restart, sliding window of 1 min with an unreachable limit");

    public static Figure Baseline() =>
        Measure.Median("baseline_throw_catch", "throws/s", () => ThrowCatch(Count), "a bare throw and catch of the same exception type");

    public static double Once(int failures)
    {
        var system = BenchSystem.Create("restart");
        try
        {
            var done = new ManualResetEventSlim();
            var strategy = new OneForOneStrategy(int.MaxValue, TimeSpan.FromMinutes(1), static _ => Directive.Restart, loggingEnabled: false);
            var supervisor = system.ActorOf(Props.Create(() => new Supervisor(failures, done)).WithSupervisorStrategy(strategy));
            var start = Stopwatch.GetTimestamp();
            supervisor.Tell(Go.Instance, null);
            done.Wait();
            return Measure.PerSecond(failures, Stopwatch.GetElapsedTime(start));
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private static double ThrowCatch(int count)
    {
        var start = Stopwatch.GetTimestamp();
        var caught = 0;
        for (var i = 0; i < count; i++)
        {
            try
            {
                Crash.Throw();
            }
            catch (InvalidOperationException)
            {
                caught++;
            }
        }
        return Measure.PerSecond(caught, Stopwatch.GetElapsedTime(start));
    }

    private sealed class Go
    {
        public static readonly Go Instance = new();
    }

    private static class Crash
    {
        public static void Throw() => throw new InvalidOperationException("crash");
    }

    private sealed class Supervisor(int failures, ManualResetEventSlim done) : ActorBase
    {
        protected override bool Receive(object message)
        {
            if (message is not Go) return false;
            var counter = new RestartCounter(failures, done);
            var child = Context.ActorOf(Props.Create(() => new Crasher(counter)));
            for (var i = 0; i < failures; i++) child.Tell(i, null);
            return true;
        }
    }

    private sealed class RestartCounter(int expected, ManualResetEventSlim done)
    {
        private int _restarts;

        public void Restarted()
        {
            if (++_restarts == expected) done.Set();
        }
    }

    private sealed class Crasher(RestartCounter counter) : ActorBase
    {
        protected override void PostRestart(Exception reason) => counter.Restarted();

        protected override bool Receive(object message)
        {
            Crash.Throw();
            return true;
        }
    }
}

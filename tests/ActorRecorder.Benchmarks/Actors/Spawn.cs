using System.Diagnostics;
using ActorRecorder.Actors;
using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Actors;

/// <summary>
/// A parent starts a million trivial children; each confirms from its PreStart. Timed until every
/// confirmation arrived; the heap delta with all of them alive gives the memory per actor.
/// </summary>
public static class Spawn
{
    public const int Children = 1_000_000;

    public static IReadOnlyList<Figure> Run()
    {
        var bytes = new List<double>();
        var rate = Measure.Median($"spawn_{Children}", "actors/s", () =>
        {
            var (perSecond, perActor) = Once(Children);
            bytes.Add(perActor);
            return perSecond;
        }, $"{Children} children of one parent, each confirms from PreStart");
        // The first entry belongs to the warm-up run.
        var measured = bytes.Skip(1).OrderBy(b => b).ToList();
        return [rate, new Figure("bytes_per_actor", measured[measured.Count / 2], "B", bytes.Skip(1).ToList(), "heap delta with all children alive / children")];
    }

    public static (double PerSecond, double BytesPerActor) Once(int children)
    {
        var system = BenchSystem.Create("spawn");
        try
        {
            var done = new ManualResetEventSlim();
            var parent = system.ActorOf(Props.Create(() => new Parent(children, done)));
            parent.Tell(Parent.Warm.Instance, null);
            done.Wait();
            done.Reset();
            Measure.Collect();
            var before = GC.GetTotalMemory(true);
            var start = Stopwatch.GetTimestamp();
            parent.Tell(Parent.Go.Instance, null);
            done.Wait();
            var elapsed = Stopwatch.GetElapsedTime(start);
            var after = GC.GetTotalMemory(true);
            GC.KeepAlive(parent);
            return (Measure.PerSecond(children, elapsed), (after - before) / (double)children);
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private sealed class Parent(int children, ManualResetEventSlim done) : ActorBase
    {
        private static readonly Props ChildProps = Props.Create(() => new Child());
        private int _confirmed;

        protected override bool Receive(object message)
        {
            switch (message)
            {
                case Warm:
                    done.Set();
                    break;
                case Go:
                    for (var i = 0; i < children; i++) Context.ActorOf(ChildProps);
                    break;
                case Started:
                    if (++_confirmed == children) done.Set();
                    break;
            }
            return true;
        }

        public sealed class Warm
        {
            public static readonly Warm Instance = new();
        }

        public sealed class Go
        {
            public static readonly Go Instance = new();
        }
    }

    private sealed class Started
    {
        public static readonly Started Instance = new();
    }

    private sealed class Child : ActorBase
    {
        protected override void PreStart() => Context.Parent.Tell(Started.Instance, null);

        protected override bool Receive(object message) => true;
    }
}

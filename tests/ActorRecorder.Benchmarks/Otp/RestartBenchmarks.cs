using System.Diagnostics;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Otp;
using Akka.Actor;

namespace ActorRecorder.Benchmarks.Otp;

/// <summary>
/// Restarts of a crashing child: under the OTP <see cref="Supervisor"/> (in place and recreated) and under Akka's
/// stock <see cref="OneForOneStrategy"/>; group restarts under rest_for_one and Akka's <see cref="AllForOneStrategy"/>.
/// Each incarnation crashes once, on a message it sends itself from PreStart, so the figure is restarts per second.
/// </summary>
public static class RestartBenchmarks
{
    public const int Restarts = 100_000;
    public const int GroupSize = 10;
    public const int GroupRestarts = 10_000;

    private static readonly SupervisorFlags Unlimited = new(SupervisorStrategyKind.OneForOne, intensity: 10_000_000, period: TimeSpan.FromMinutes(10));

    public static IReadOnlyList<Figure> InPlace() => Paired.Measure("otp_restart_inplace_vs_akka",
        new Workload($"otp_restart_inplace_{Restarts}", "restarts/s", () => Otp(RestartMode.InPlace),
            "one_for_one Supervisor, Akka's in-place restart, reports on (20/s) with logging off"),
        StockOneForOne(), "≥ 0.9");

    public static IReadOnlyList<Figure> Recreate() => Paired.Measure("otp_restart_recreate_vs_akka",
        new Workload($"otp_restart_recreate_{Restarts}", "restarts/s", () => Otp(RestartMode.Recreate),
            "one_for_one Supervisor, RestartMode.Recreate: stop, then a fresh incarnation started and acknowledged"),
        StockOneForOne(), "≥ 0.5");

    /// <summary>The same recreate against the least an Akka parent can do for it: stop the failed child, watch, create it again.</summary>
    public static IReadOnlyList<Figure> RecreateFloor() => Paired.Measure("otp_restart_recreate_vs_akka_recreate",
        new Workload($"otp_restart_recreate_{Restarts}", "restarts/s", () => Otp(RestartMode.Recreate),
            "one_for_one Supervisor, RestartMode.Recreate"),
        new Workload($"akka_stop_and_recreate_{Restarts}", "restarts/s", HandRolledRecreate,
            "a plain Akka parent: StoppingStrategy, Watch, ActorOf again under the same name on Terminated"),
        "none (what the OTP bookkeeping adds to Akka's own stop and create)");

    public static IReadOnlyList<Figure> Group() => Paired.Measure("otp_group_restart_vs_akka_allforone",
        new Workload($"otp_group_restart_rest_for_one_{GroupSize}x{GroupRestarts}", "group restarts/s", OtpGroup,
            $"rest_for_one over {GroupSize} children, the first crashing: each group restart stops {GroupSize} children one at a time in reverse order and starts {GroupSize} fresh ones in order"),
        new Workload($"akka_allforone_restart_{GroupSize}x{GroupRestarts}", "group restarts/s", StockGroup,
            $"Akka's AllForOneStrategy over {GroupSize} children: restarted in place, concurrently, unordered"),
        "none (the price of order)");

    private static Workload StockOneForOne() => new($"akka_oneforone_restart_{Restarts}", "restarts/s", Stock,
        "Akka's stock OneForOneStrategy, unlimited, failure logging off");

    private static double Otp(RestartMode mode)
    {
        var system = BenchSystem.Create("otp-restart");
        try
        {
            var counter = new RestartCounter(Restarts);
            var supervisor = BenchSystem.Await(Supervisor.StartAsync(system, "sup", Unlimited,
                [new ChildSpec("crasher", SelfCrasher.Props(counter), restartMode: mode)]));
            var child = BenchSystem.Await(supervisor.WhichChildrenAsync())[0].Child!;
            return Time(child, counter, Restarts);
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private static double Stock()
    {
        var system = BenchSystem.Create("akka-restart");
        try
        {
            var counter = new RestartCounter(Restarts);
            var parent = system.ActorOf(Props.Create(() => new StockParent(new OneForOneStrategy(-1, -1, _ => Directive.Restart, false))));
            var child = BenchSystem.Await(parent.Ask<IActorRef[]>(new[] { SelfCrasher.Props(counter) }, TimeSpan.FromSeconds(10)))[0];
            BenchSystem.Await(child.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(10)));
            return Time(child, counter, Restarts);
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private static double HandRolledRecreate()
    {
        var system = BenchSystem.Create("akka-recreate");
        try
        {
            var counter = new RestartCounter(Restarts);
            var parent = system.ActorOf(Props.Create(() => new Recreator(SelfCrasher.Props(counter))));
            var child = BenchSystem.Await(parent.Ask<IActorRef>("child", TimeSpan.FromSeconds(10)));
            BenchSystem.Await(child.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(10)));
            return Time(child, counter, Restarts);
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    /// <summary>Stops a failed child and creates it again under the same name once it has terminated.</summary>
    private sealed class Recreator : ReceiveActor
    {
        private IActorRef _child = ActorRefs.Nobody;

        public Recreator(Props props)
        {
            Receive<string>(_ =>
            {
                _child = Context.Watch(Context.ActorOf(props, "c"));
                Sender.Tell(_child);
            });
            Receive<Terminated>(_ => _child = Context.Watch(Context.ActorOf(props, "c")));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(-1, -1, _ => Directive.Stop, false);
    }

    private static double OtpGroup()
    {
        var system = BenchSystem.Create("otp-group");
        try
        {
            var counter = new RestartCounter(GroupRestarts);
            var specs = new List<ChildSpec> { new("c0", SelfCrasher.Props(counter)) };
            for (var i = 1; i < GroupSize; i++) specs.Add(new ChildSpec($"c{i}", Props.Create(() => new Idle())));
            var supervisor = BenchSystem.Await(Supervisor.StartAsync(system, "sup", Unlimited with { Strategy = SupervisorStrategyKind.RestForOne }, specs));
            var child = BenchSystem.Await(supervisor.WhichChildrenAsync())[0].Child!;
            return Time(child, counter, GroupRestarts);
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private static double StockGroup()
    {
        var system = BenchSystem.Create("akka-group");
        try
        {
            var counter = new RestartCounter(GroupRestarts);
            var props = new[] { SelfCrasher.Props(counter) }.Concat(Enumerable.Range(1, GroupSize - 1).Select(_ => Props.Create(() => new Idle()))).ToArray();
            var parent = system.ActorOf(Props.Create(() => new StockParent(new AllForOneStrategy(-1, -1, _ => Directive.Restart, false))));
            var children = BenchSystem.Await(parent.Ask<IActorRef[]>(props, TimeSpan.FromSeconds(10)));
            foreach (var c in children) BenchSystem.Await(c.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(10)));
            return Time(children[0], counter, GroupRestarts);
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private static double Time(IActorRef child, RestartCounter counter, int restarts)
    {
        var start = Stopwatch.GetTimestamp();
        child.Tell("go");
        if (!counter.Done.Wait(TimeSpan.FromMinutes(5))) throw new TimeoutException("The restarts did not finish.");
        return restarts / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}

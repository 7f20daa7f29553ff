using System.Diagnostics;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Otp;
using Akka.Actor;

namespace ActorRecorder.Benchmarks.Otp;

/// <summary>
/// The message path to a supervised child: Tells from one thread to a counting child of an OTP
/// <see cref="Supervisor"/>, against the same child under a plain Akka parent. The supervisor is not on that path.
/// </summary>
public static class MessageBenchmarks
{
    public const int Messages = 2_000_000;

    public static IReadOnlyList<Figure> Run() => Paired.Measure("otp_child_msgs_vs_akka",
        new Workload("otp_child_msgs_per_s", "msgs/s", Otp, $"{Messages} Tells from one thread to a child of a one_for_one Supervisor"),
        new Workload("akka_child_msgs_per_s", "msgs/s", Stock, $"{Messages} Tells from one thread to a child of a plain Akka parent"),
        "≥ 0.97");

    private static double Otp()
    {
        var system = BenchSystem.Create("otp-msgs");
        try
        {
            var counter = new MessageCounter(Messages);
            var supervisor = BenchSystem.Await(Supervisor.StartAsync(system, "sup", new SupervisorFlags(), [new ChildSpec("counter", counter.Props())]));
            return Time(BenchSystem.Await(supervisor.WhichChildrenAsync())[0].Child!, counter);
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private static double Stock()
    {
        var system = BenchSystem.Create("akka-msgs");
        try
        {
            var counter = new MessageCounter(Messages);
            var parent = system.ActorOf(Props.Create(() => new StockParent(SupervisorStrategy.DefaultStrategy)));
            return Time(BenchSystem.Await(parent.Ask<IActorRef[]>(new[] { counter.Props() }, TimeSpan.FromSeconds(10)))[0], counter);
        }
        finally
        {
            BenchSystem.Stop(system);
        }
    }

    private static double Time(IActorRef child, MessageCounter counter)
    {
        var message = new object();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Messages; i++) child.Tell(message, ActorRefs.NoSender);
        if (!counter.Done.Wait(TimeSpan.FromMinutes(5))) throw new TimeoutException("The messages were not all received.");
        return Messages / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private sealed class MessageCounter(int expected)
    {
        public ManualResetEventSlim Done { get; } = new();

        public Props Props() => Akka.Actor.Props.Create(() => new Counting(this));

        private sealed class Counting : UntypedActor
        {
            private readonly MessageCounter _owner;
            private int _count;

            public Counting(MessageCounter owner) => _owner = owner;

            protected override void OnReceive(object message)
            {
                if (++_count == _owner._expected) _owner.Done.Set();
            }
        }

        private readonly int _expected = expected;
    }
}

namespace ActorRecorder.Actors.Tests.Supervision;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class EscalationSpec(ITestOutputHelper output) : TestKit(output)
{
    private IActorRef Create(IActorRef parent, Props props, string name)
    {
        parent.Tell((props, name), TestActor);
        return ExpectMsg<IActorRef>();
    }

    [Fact]
    public void Two_children_escalating_at_once_are_both_resumed()
    {
        var gate = new ManualResetEventSlim();
        var grandparent = Sys.ActorOf(Props.Create(() => new Sup(new OneForOneStrategy(_ => Directive.Resume), false, null, null)), "g");
        var parent = Create(grandparent, Props.Create(() => new Sup(new OneForOneStrategy(_ => Directive.Escalate), false, null, gate)), "p");
        var c1 = Create(parent, Props.Create(() => new Pinger(TestActor, "c1")), "c1");
        var c2 = Create(parent, Props.Create(() => new Pinger(TestActor, "c2")), "c2");
        parent.Tell("block", TestActor); // both failures reach the parent together
        ExpectMsg("blocking");
        c1.Tell(new Crash(), TestActor);
        c2.Tell(new Crash(), TestActor);
        ExpectMsg("crashing");
        ExpectMsg("crashing");
        c1.Tell("ping", TestActor);
        c2.Tell("ping", TestActor);
        gate.Set();
        ExpectMsgAllOf("pong-c1", "pong-c2");
    }

    [Fact]
    public void An_escalated_child_that_survives_its_parents_restart_is_restarted_with_it()
    {
        var grandparent = Sys.ActorOf(Props.Create(() => new Sup(new OneForOneStrategy(_ => Directive.Restart), false, null, null)), "g");
        var parent = Create(grandparent, Props.Create(() => new Sup(new OneForOneStrategy(_ => Directive.Escalate), true, TestActor, null)), "p");
        var child = Create(parent, Props.Create(() => new Pinger(TestActor, "c1")), "c1");
        child.Tell(new Crash(), TestActor);
        ExpectMsg("crashing");
        ExpectMsgAllOf("sup-restarted", "restarted-c1");
        child.Tell("ping", TestActor);
        ExpectMsg("pong-c1");
    }

    [Fact]
    public void A_failed_actor_that_escalates_meanwhile_is_restarted_once()
    {
        var deciding = new ManualResetEventSlim();
        var grandparent = Sys.ActorOf(Props.Create(() => new Sup(new OneForOneStrategy(_ =>
        {
            deciding.Wait(TimeSpan.FromSeconds(30)); // hold the decision while the parent is failed
            return Directive.Restart;
        }), false, null, null)), "g");
        var parent = Create(grandparent, Props.Create(() => new Sup(new OneForOneStrategy(_ => Directive.Escalate), true, TestActor, null)), "p");
        var child = Create(parent, Props.Create(() => new Pinger(TestActor, "c1")), "c1");
        parent.Tell(new Crash(), TestActor); // the parent fails…
        child.Tell(new Crash(), TestActor);  // …and, while failed, gets the child's failure to escalate
        ExpectMsg("crashing");
        var cell = ((LocalActorRef)parent).Cell;
        AwaitCondition(() => cell.EscalatedChildCount == 1);
        deciding.Set();
        // One incident reaches the grandparent once; the escalated child restarts with its parent.
        ExpectMsgAllOf("sup-restarted", "restarted-c1");
        ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }

    private sealed class Pinger : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly string _id;

        public Pinger(IActorRef probe, string id)
        {
            _probe = probe;
            _id = id;
            Receive<Crash>(c =>
            {
                probe.Tell("crashing", Self);
                throw new TestException(c.Reason);
            });
            Receive<string>(s => s == "ping", _ => Sender.Tell($"pong-{id}", Self));
        }

        protected override void PostRestart(Exception reason) => _probe.Tell($"restarted-{_id}", Self);
    }

    /// <summary>A parent with a strategy that creates children on (Props, name); blocks on "block" until the gate opens; may keep its children when restarted.</summary>
    private sealed class Sup : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;
        private readonly bool _keepChildren;
        private readonly IActorRef? _probe;

        public Sup(SupervisorStrategy strategy, bool keepChildren, IActorRef? probe, ManualResetEventSlim? gate)
        {
            _strategy = strategy;
            _keepChildren = keepChildren;
            _probe = probe;
            Receive<(Props Props, string Name)>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name), Self));
            Receive<string>(s => s == "block", _ =>
            {
                Sender.Tell("blocking", Self);
                gate?.Wait(TimeSpan.FromSeconds(30));
            });
            Receive<Crash>(c => throw new TestException(c.Reason));
            Receive<string>(s => Sender.Tell(s, Self));
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;

        protected override void PreRestart(Exception reason, object? message)
        {
            if (_keepChildren) PostStop();
            else base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason) => _probe?.Tell("sup-restarted", Self);
    }
}

namespace ActorRecorder.Actors.Tests.Lifetime;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class RestartEdgeSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void The_new_instance_gets_no_Terminated_for_children_the_default_PreRestart_stopped()
    {
        var owner = Sys.ActorOf(Props.Create(() => new Owner(TestActor)));
        owner.Tell(new Crash(), TestActor);
        ExpectMsg("restarted");
        owner.Tell("ping", TestActor);
        ExpectMsg("pong");
    }

    [Fact]
    public void PostStop_does_not_run_when_PreStart_failed()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        parent.Tell(Props.Create(() => new BadStart(TestActor)), TestActor);
        var actor = ExpectMsg<IActorRef>();
        // The next message is the Terminated: no PostStop report came first.
        Assert.IsType<ActorInitializationException>(ExpectTerminated(actor).Reason.Exception);
    }

    [Fact]
    public void A_throwing_PostRestart_is_an_initialization_failure()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        parent.Tell(Props.Create(() => new BadRestart()), TestActor);
        var child = ExpectMsg<IActorRef>();
        child.Tell(new Crash(), TestActor);
        var error = Assert.IsType<ActorInitializationException>(ExpectTerminated(child).Reason.Exception);
        Assert.Contains("PostRestart", error.Message, StringComparison.Ordinal);
    }

    private sealed class Owner : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Owner(IActorRef probe)
        {
            _probe = probe;
            Receive<Crash>(c => throw new TestException(c.Reason));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong", Self));
        }

        // Watches a worker (a common pattern) and handles no Terminated.
        protected override void PreStart() => Context.Watch(Context.ActorOf(Props.Create(() => new Idle()), "worker"));

        protected override void PostRestart(Exception reason)
        {
            _probe.Tell("restarted", Self);
            base.PostRestart(reason);
        }
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle() => ReceiveAny(_ => { });
    }

    private sealed class BadStart(IActorRef probe) : UntypedActor
    {
        protected override void PreStart() => throw new InvalidOperationException("no resources");

        protected override void PostStop() => probe.Tell("poststop-of-an-instance-that-never-started", Self);

        protected override void OnReceive(object message)
        {
        }
    }

    private sealed class BadRestart : ReceiveActor
    {
        public BadRestart() => Receive<Crash>(c => throw new TestException(c.Reason));

        protected override void PostRestart(Exception reason) => throw new InvalidOperationException("cannot come back");
    }
}

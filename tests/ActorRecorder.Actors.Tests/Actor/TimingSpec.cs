namespace ActorRecorder.Actors.Tests.Actor;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class TimingSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void ReceiveTimeout_arrives_after_a_quiet_period()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor, TimeSpan.FromMilliseconds(100))));
        ExpectMsg<ReceiveTimeout>();
    }

    [Fact]
    public void ReceiveTimeout_repeats_while_the_actor_stays_idle_and_stops_when_cleared()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor, TimeSpan.FromMilliseconds(50))));
        ExpectMsg<ReceiveTimeout>();
        ExpectMsg<ReceiveTimeout>();
        actor.Tell("clear", TestActor);
        FishForMessage<string>(s => s == "cleared");
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Messages_that_do_not_influence_the_timeout_do_not_postpone_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor, TimeSpan.FromMilliseconds(200))));
        // A steady trickle of ordinary messages keeps the actor from timing out…
        for (var i = 0; i < 5; i++)
        {
            actor.Tell("keep-alive", TestActor);
            ExpectMsg("keep-alive");
        }
        // …while messages marked INotInfluenceReceiveTimeout do not.
        actor.Tell(new Tick(), TestActor);
        ExpectMsg<Tick>();
        ExpectMsg<ReceiveTimeout>();
    }

    [Fact]
    public void A_non_positive_receive_timeout_is_refused()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor, null)));
        actor.Tell(TimeSpan.Zero, TestActor);
        Assert.Contains("positive", ExpectMsg<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_timer_fires_once()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerOwner(TestActor)));
        actor.Tell(("single", "ding", 50), TestActor);
        ExpectMsg("ding");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        actor.Tell("active?", TestActor);
        ExpectMsg(false);
    }

    [Fact]
    public void A_periodic_timer_fires_until_cancelled()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerOwner(TestActor)));
        actor.Tell(("periodic", "tick", 30), TestActor);
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("tick");
        actor.Tell("cancel", TestActor);
        FishForMessage<string>(s => s == "cancelled");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Restarting_a_timer_with_the_same_key_replaces_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerOwner(TestActor)));
        actor.Tell(("single", "old", 300), TestActor);
        actor.Tell(("single", "new", 30), TestActor);
        ExpectMsg("new");
        ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_restarts()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        parent.Tell(Props.Create(() => new TimerOwner(TestActor)), TestActor);
        var actor = ExpectMsg<IActorRef>();
        actor.Tell(("periodic", "tick", 30), TestActor);
        ExpectMsg("tick");
        actor.Tell(new Crash(), TestActor);
        FishForMessage<string>(s => s == "restarted");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_stops()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerOwner(TestActor)));
        actor.Tell(("periodic", "tick", 30), TestActor);
        ExpectMsg("tick");
        Watch(actor);
        actor.Tell(PoisonPill.Instance);
        FishForMessage<Terminated>(_ => true);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    private sealed record Tick : INotInfluenceReceiveTimeout;

    private sealed class Sleepy : ReceiveActor
    {
        public Sleepy(IActorRef probe, TimeSpan? timeout)
        {
            if (timeout is { } t) SetReceiveTimeout(t);
            Receive<ReceiveTimeout>(m => probe.Tell(m));
            Receive<Tick>(m => probe.Tell(m));
            Receive<string>(s => s == "clear", _ =>
            {
                SetReceiveTimeout(null);
                probe.Tell("cleared");
            });
            Receive<string>(s => probe.Tell(s));
            Receive<TimeSpan>(t =>
            {
                try
                {
                    SetReceiveTimeout(t);
                    Sender.Tell("accepted");
                }
                catch (ArgumentOutOfRangeException e)
                {
                    Sender.Tell(e.Message);
                }
            });
        }
    }

    private sealed class TimerOwner : ReceiveActor, IWithTimers
    {
        public TimerOwner(IActorRef probe)
        {
            Receive<(string Kind, string Message, int Millis)>(t =>
            {
                if (t.Kind == "single") Timers.StartSingleTimer("key", t.Message, TimeSpan.FromMilliseconds(t.Millis));
                else Timers.StartPeriodicTimer("key", t.Message, TimeSpan.FromMilliseconds(t.Millis));
            });
            Receive<string>(s => s == "active?", _ => Sender.Tell(Timers.IsTimerActive("key")));
            Receive<string>(s => s == "cancel", _ =>
            {
                Timers.Cancel("key");
                probe.Tell("cancelled");
            });
            Receive<Crash>(c => throw new TestException(c.Reason));
            Receive<string>(s => probe.Tell(s));
            Probe = probe;
        }

        private IActorRef Probe { get; }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PostRestart(Exception reason) => Probe.Tell("restarted");
    }
}

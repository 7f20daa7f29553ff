namespace ActorRecorder.Actors.Tests.DeathWatch;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class DeathWatchSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void A_watcher_gets_Terminated_with_the_exit_reason()
    {
        var actor = Sys.ActorOf(Props.Create<Echo>());
        Watch(actor);
        actor.Tell(PoisonPill.Instance, TestActor);
        var terminated = ExpectTerminated(actor);
        Assert.Equal(actor, terminated.ActorRef);
        Assert.Equal(ExitReason.Normal, terminated.Reason);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Watching_a_dead_actor_delivers_Terminated_with_noproc_at_once()
    {
        var actor = Sys.ActorOf(Props.Create<Echo>());
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Unwatch(actor);

        Watch(actor);
        var terminated = ExpectTerminated(actor, TimeSpan.FromSeconds(1));
        Assert.Equal(ExitReason.NoProc, terminated.Reason);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Messages_sent_before_death_arrive_before_Terminated()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new WatchAndForward(TestActor)));
        var talker = Sys.ActorOf(Props.Create(() => new Talker(watcher)));
        watcher.Tell(talker, TestActor);
        ExpectMsg("watching");
        talker.Tell("go", TestActor);
        for (var i = 0; i < 100; i++) ExpectMsg(i);
        ExpectMsg<Terminated>();
    }

    [Fact]
    public void WatchWith_delivers_the_custom_message()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new WatchAndForward(TestActor)));
        var actor = Sys.ActorOf(Props.Create<Echo>());
        watcher.Tell(("with", actor), TestActor);
        ExpectMsg("watching");
        Sys.Stop(actor);
        ExpectMsg("custom: it died");
    }

    [Fact]
    public void Watch_conflicting_with_an_existing_WatchWith_is_refused()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new WatchAndForward(TestActor)));
        var actor = Sys.ActorOf(Props.Create<Echo>());
        watcher.Tell(("with", actor), TestActor);
        ExpectMsg("watching");
        watcher.Tell(("plain", actor), TestActor);
        Assert.Contains("Unwatch", ExpectMsg<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void After_Unwatch_no_Terminated_arrives()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new WatchAndForward(TestActor)));
        var actor = Sys.ActorOf(Props.Create<Echo>());
        watcher.Tell(actor, TestActor);
        ExpectMsg("watching");
        watcher.Tell(("unwatch", actor), TestActor);
        ExpectMsg("unwatched");
        Sys.Stop(actor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void An_unhandled_Terminated_fails_the_watcher_with_DeathPactException()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.StoppingStrategy));
        var target = Sys.ActorOf(Props.Create<Echo>());
        parent.Tell(Props.Create(() => new CarelessWatcher(target)), TestActor);
        var watcher = ExpectMsg<IActorRef>();
        watcher.Tell("ready?", TestActor);
        ExpectMsg("ready");
        Sys.Stop(target);
        var terminated = ExpectTerminated(watcher);
        var error = Assert.IsType<DeathPactException>(terminated.Reason.Exception);
        Assert.Equal(target, error.DeadActor);
    }

    [Fact]
    public void Every_watcher_of_an_actor_is_notified()
    {
        var actor = Sys.ActorOf(Props.Create<Echo>());
        var probes = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();
        foreach (var probe in probes) probe.Watch(actor);
        actor.Tell(PoisonPill.Instance);
        foreach (var probe in probes) probe.ExpectTerminated(actor);
    }

    private sealed class WatchAndForward : ReceiveActor
    {
        public WatchAndForward(IActorRef probe)
        {
            Receive<IActorRef>(a =>
            {
                Context.Watch(a);
                Sender.Tell("watching");
            });
            Receive<(string Kind, IActorRef Actor)>(c =>
            {
                try
                {
                    switch (c.Kind)
                    {
                        case "with":
                            Context.WatchWith(c.Actor, "custom: it died");
                            Sender.Tell("watching");
                            break;
                        case "plain":
                            Context.Watch(c.Actor);
                            Sender.Tell("watching");
                            break;
                        default:
                            Context.Unwatch(c.Actor);
                            Sender.Tell("unwatched");
                            break;
                    }
                }
                catch (InvalidOperationException e)
                {
                    Sender.Tell(e.Message);
                }
            });
            ReceiveAny(m => probe.Tell(m));
        }
    }

    private sealed class Talker(IActorRef target) : ReceiveActor
    {
        protected override void PreStart() => Become(_ =>
        {
            for (var i = 0; i < 100; i++) target.Tell(i);
            Context.Stop(Self);
            return true;
        });
    }

    private sealed class CarelessWatcher : ReceiveActor
    {
        public CarelessWatcher(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => Sender.Tell("ready"));
        }
    }
}

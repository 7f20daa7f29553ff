namespace ActorRecorder.Actors.Tests.Links;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class LinkSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void An_abnormal_exit_stops_the_linked_actor_with_the_same_reason()
    {
        var (a, b) = LinkedPair(SupervisorStrategy.StoppingStrategy);
        b.Tell(new Crash("link-crash"), TestActor);
        var bDown = ExpectTerminated(b);
        var aDown = ExpectTerminated(a);
        Assert.Equal("link-crash", bDown.Reason.Exception!.Message);
        Assert.Equal(bDown.Reason, aDown.Reason);
    }

    [Fact]
    public void Links_are_bidirectional()
    {
        var (a, b) = LinkedPair(SupervisorStrategy.StoppingStrategy);
        a.Tell(new Crash("from-a"), TestActor);
        var aDown = ExpectTerminated(a);
        var bDown = ExpectTerminated(b);
        Assert.Equal("from-a", aDown.Reason.Exception!.Message);
        Assert.Equal(aDown.Reason, bDown.Reason);
    }

    [Fact]
    public void A_normal_exit_does_not_propagate()
    {
        var (a, b) = LinkedPair(SupervisorStrategy.StoppingStrategy);
        b.Tell("stop", TestActor);
        Assert.Equal(ExitReason.Normal, ExpectTerminated(b).Reason);
        a.Tell("still alive?", TestActor);
        ExpectMsg("still alive?");
    }

    [Fact]
    public void A_shutdown_exit_does_propagate()
    {
        var (a, b) = LinkedPair(SupervisorStrategy.StoppingStrategy);
        Sys.Stop(b);
        Assert.Equal(ExitReason.Shutdown, ExpectTerminated(b).Reason);
        Assert.Equal(ExitReason.Shutdown, ExpectTerminated(a).Reason);
    }

    [Fact]
    public void A_trapping_actor_receives_Exit_instead_of_stopping()
    {
        var trapper = Sys.ActorOf(Props.Create(() => new Trapper(TestActor)));
        var other = Sys.ActorOf(Props.Create(() => new Reporter(TestActor, "other")));
        ExpectMsg(new Lifecycle("other", "prestart"));
        trapper.Tell(new LinkTo(other), TestActor);
        ExpectMsg("linked");
        Sys.Stop(other);
        FishForMessage<Lifecycle>(l => l.Event == "poststop");
        var exit = ExpectMsg<Exit>();
        Assert.Equal(other, exit.From);
        Assert.Equal(ExitReason.Shutdown, exit.Reason);
        trapper.Tell("alive?", TestActor);
        ExpectMsg("alive?");
    }

    [Fact]
    public void A_trapping_actor_also_receives_normal_exits()
    {
        var trapper = Sys.ActorOf(Props.Create(() => new Trapper(TestActor)));
        var other = Sys.ActorOf(Props.Create<Echo>());
        trapper.Tell(new LinkTo(other), TestActor);
        ExpectMsg("linked");
        other.Tell(PoisonPill.Instance);
        Assert.Equal(ExitReason.Normal, ExpectMsg<Exit>().Reason);
    }

    [Fact]
    public void Kill_cannot_be_trapped_by_its_target_but_links_see_killed()
    {
        var trapper = Sys.ActorOf(Props.Create(() => new Trapper(TestActor)));
        var watcherOfTrapper = CreateTestProbe();
        watcherOfTrapper.Watch(trapper);
        var other = Sys.ActorOf(Props.Create(() => new Trapper(TestActor)));
        trapper.Tell(new LinkTo(other), TestActor);
        ExpectMsg("linked");

        trapper.Tell(Kill.Instance, TestActor);
        Assert.Equal(ExitReason.Killed, watcherOfTrapper.ExpectTerminated(trapper).Reason);
        var exit = ExpectMsg<Exit>();
        Assert.Equal(trapper, exit.From);
        Assert.Equal(ExitReason.Killed, exit.Reason);
    }

    [Fact]
    public void Linking_to_a_dead_actor_exits_with_noproc()
    {
        var dead = Sys.ActorOf(Props.Create<Echo>());
        Watch(dead);
        Sys.Stop(dead);
        ExpectTerminated(dead);

        var trapper = Sys.ActorOf(Props.Create(() => new Trapper(TestActor)));
        trapper.Tell(new LinkTo(dead), TestActor);
        ExpectMsg("linked");
        var exit = ExpectMsg<Exit>();
        Assert.Equal(ExitReason.NoProc, exit.Reason);
    }

    [Fact]
    public void After_Unlink_an_exit_does_not_propagate()
    {
        var (a, b) = LinkedPair(SupervisorStrategy.StoppingStrategy);
        a.Tell(new UnlinkFrom(b), TestActor);
        ExpectMsg("unlinked");
        b.Tell(new Crash(), TestActor);
        ExpectTerminated(b);
        a.Tell("alive?", TestActor);
        ExpectMsg("alive?");
    }

    private (IActorRef A, IActorRef B) LinkedPair(SupervisorStrategy strategy)
    {
        var parent = Sys.ActorOf(Parent.Props(strategy));
        parent.Tell(Props.Create(() => new Linker()), TestActor);
        var a = ExpectMsg<IActorRef>();
        parent.Tell(Props.Create(() => new Linker()), TestActor);
        var b = ExpectMsg<IActorRef>();
        a.Tell(new LinkTo(b), TestActor);
        ExpectMsg("linked");
        // The other end processes the link before anything we send it next.
        b.Tell("ping", TestActor);
        ExpectMsg("ping");
        return (a, b);
    }

    public sealed record LinkTo(IActorRef Other);

    public sealed record UnlinkFrom(IActorRef Other);

    private sealed class Linker : ReceiveActor
    {
        public Linker()
        {
            Receive<LinkTo>(l =>
            {
                Context.Link(l.Other);
                Sender.Tell("linked");
            });
            Receive<UnlinkFrom>(u =>
            {
                Context.Unlink(u.Other);
                Sender.Tell("unlinked");
            });
            Receive<Crash>(c => throw new TestException(c.Reason));
            Receive<string>(s => s == "stop", _ => Context.Stop(Self));
            ReceiveAny(m => Sender.Tell(m));
        }
    }

    public sealed class Trapper : ReceiveActor
    {
        public Trapper(IActorRef probe)
        {
            Context.TrapExit = true;
            Receive<LinkTo>(l =>
            {
                Context.Link(l.Other);
                Sender.Tell("linked");
            });
            Receive<Exit>(e => probe.Tell(e));
            ReceiveAny(m => Sender.Tell(m));
        }
    }
}

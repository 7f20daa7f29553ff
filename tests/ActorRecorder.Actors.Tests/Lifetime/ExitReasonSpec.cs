namespace ActorRecorder.Actors.Tests.Lifetime;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class ExitReasonSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void Stopping_itself_is_a_normal_exit()
    {
        var actor = Sys.ActorOf(Reporter.Props(TestActor, "self-stop"));
        Watch(actor);
        actor.Tell("stop", TestActor);
        Assert.Equal(ExitReason.Normal, FishForMessage<Terminated>(_ => true).Reason);
    }

    [Fact]
    public void PoisonPill_is_a_normal_exit_after_the_messages_before_it()
    {
        var actor = Sys.ActorOf(Props.Create<Echo>());
        Watch(actor);
        actor.Tell("first", TestActor);
        actor.Tell(PoisonPill.Instance, TestActor);
        ExpectMsg("first");
        Assert.Equal(ExitReason.Normal, ExpectTerminated(actor).Reason);
    }

    [Fact]
    public void Being_stopped_by_the_parent_is_a_shutdown()
    {
        var actor = Sys.ActorOf(Props.Create<Echo>());
        Watch(actor);
        Sys.Stop(actor);
        Assert.Equal(ExitReason.Shutdown, ExpectTerminated(actor).Reason);
    }

    [Fact]
    public void Kill_is_a_killed_exit_under_the_default_decider()
    {
        var actor = Sys.ActorOf(Props.Create<Echo>());
        Watch(actor);
        actor.Tell(Kill.Instance, TestActor);
        Assert.Equal(ExitReason.Killed, ExpectTerminated(actor).Reason);
    }

    [Fact]
    public void A_crash_that_the_supervisor_stops_carries_the_exception()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.StoppingStrategy));
        parent.Tell(Reporter.Props(TestActor, "crash"), TestActor);
        var child = this.ExpectChildStarted("crash");
        child.Tell(new Crash("kaboom"), TestActor);
        var terminated = FishForMessage<Terminated>(_ => true);
        var exception = Assert.IsType<TestException>(terminated.Reason.Exception);
        Assert.Equal("kaboom", exception.Message);
        Assert.False(terminated.Reason.IsNormalOrShutdown);
    }

    [Fact]
    public void System_termination_is_a_shutdown_for_every_actor()
    {
        // The test actor lives under /system, which stops after /user: it sees the user actor go.
        var actor = Sys.ActorOf(Props.Create<Echo>());
        Watch(actor);
        Sys.Terminate();
        Assert.Equal(ExitReason.Shutdown, ExpectTerminated(actor).Reason);
    }

    [Fact]
    public void Custom_reasons_compare_by_name_and_map_the_well_known_ones()
    {
        Assert.Same(ExitReason.Normal, ExitReason.Custom("normal"));
        Assert.Same(ExitReason.Shutdown, ExitReason.Custom("shutdown"));
        Assert.Equal(ExitReason.Custom("overload"), ExitReason.Custom("overload"));
        Assert.Equal("overload", ExitReason.Custom("overload").ToString());
        Assert.True(ExitReason.Normal.IsNormal);
        Assert.False(ExitReason.Shutdown.IsNormal);
        Assert.True(ExitReason.Shutdown.IsNormalOrShutdown);
        Assert.False(ExitReason.Killed.IsNormalOrShutdown);
        Assert.Contains("TestException", ExitReason.Failure(new TestException("x")).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_reason_travels_through_links_to_trapping_actors()
    {
        var trapper = Sys.ActorOf(Props.Create(() => new Links.LinkSpec.Trapper(TestActor)));
        var quitter = Sys.ActorOf(Props.Create(() => new Quitter()));
        trapper.Tell(new Links.LinkSpec.LinkTo(quitter), TestActor);
        ExpectMsg("linked");
        quitter.Tell("quit", TestActor);
        var exit = ExpectMsg<Exit>();
        Assert.Equal(ExitReason.Custom("overload"), exit.Reason);
        Assert.Equal(quitter, exit.From);
    }

    private sealed class Quitter : ReceiveActor
    {
        public Quitter() => Receive<string>(_ => throw new ActorExitException(ExitReason.Custom("overload"), "too much work"));
    }
}

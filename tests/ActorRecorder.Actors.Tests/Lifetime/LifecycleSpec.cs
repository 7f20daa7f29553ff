namespace ActorRecorder.Actors.Tests.Lifetime;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class LifecycleSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void PreStart_runs_before_the_first_message_and_PostStop_after_the_last()
    {
        var actor = Sys.ActorOf(Reporter.Props(TestActor, "life"));
        actor.Tell("hello", TestActor);
        ExpectMsg(new Lifecycle("life", "prestart"));
        ExpectMsg("hello");
        actor.Tell("stop", TestActor);
        ExpectMsg(new Lifecycle("life", "poststop"));
    }

    [Fact]
    public void A_restart_runs_PreRestart_PostStop_PostRestart_PreStart_in_order_on_the_same_ref()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        parent.Tell(Reporter.Props(TestActor, "r"), TestActor);
        var child = this.ExpectChildStarted("r");

        child.Tell(new Crash(), TestActor);
        ExpectMsg(new Lifecycle("r", "prerestart"));
        ExpectMsg(new Lifecycle("r", "poststop"));
        ExpectMsg(new Lifecycle("r", "postrestart"));
        ExpectMsg(new Lifecycle("r", "prestart"));

        child.Tell("still here", TestActor);
        ExpectMsg("still here");
        Assert.Equal(child, LastSender);
    }

    [Fact]
    public void The_default_PreRestart_stops_the_children_before_the_new_instance_starts()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        parent.Tell(Reporter.Props(TestActor, "p"), TestActor);
        var child = this.ExpectChildStarted("p");
        child.Tell(("child", "g1"), TestActor);
        var g1 = this.ExpectChildStarted("g1");
        child.Tell(("child", "g2"), TestActor);
        this.ExpectChildStarted("g2");

        child.Tell(new Crash(), TestActor);
        ExpectMsg(new Lifecycle("p", "prerestart"));
        ExpectMsg(new Lifecycle("p", "poststop"));
        // Children stop one at a time, in reverse start order, before the new instance.
        ExpectMsg(new Lifecycle("g2", "poststop"));
        ExpectMsg(new Lifecycle("g1", "poststop"));
        ExpectMsg(new Lifecycle("p", "postrestart"));
        ExpectMsg(new Lifecycle("p", "prestart"));
        Assert.True(((InternalActorRef)g1).IsTerminated);
    }

    [Fact]
    public void Children_stop_before_their_parent_in_reverse_start_order()
    {
        var parent = Sys.ActorOf(Reporter.Props(TestActor, "parent"));
        ExpectMsg(new Lifecycle("parent", "prestart"));
        foreach (var name in new[] { "c1", "c2", "c3" })
        {
            parent.Tell(("child", name), TestActor);
            this.ExpectChildStarted(name);
        }
        parent.Tell("stop", TestActor);
        ExpectMsg(new Lifecycle("c3", "poststop"));
        ExpectMsg(new Lifecycle("c2", "poststop"));
        ExpectMsg(new Lifecycle("c1", "poststop"));
        ExpectMsg(new Lifecycle("parent", "poststop"));
    }

    [Fact]
    public void An_exception_in_the_constructor_reaches_the_supervisor_as_ActorInitializationException()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        parent.Tell(Props.Create(() => new FailingConstructor()), TestActor);
        var child = ExpectMsg<IActorRef>();
        var terminated = ExpectTerminated(child);
        var error = Assert.IsType<ActorInitializationException>(terminated.Reason.Exception);
        Assert.IsType<TestException>(error.InnerException);
        Assert.Contains("constructor", error.Message, StringComparison.Ordinal);
        Assert.Equal(child, error.Actor);
    }

    [Fact]
    public void An_exception_in_PreStart_reaches_the_supervisor_as_ActorInitializationException()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        parent.Tell(Props.Create(() => new FailingPreStart()), TestActor);
        var child = ExpectMsg<IActorRef>();
        var error = Assert.IsType<ActorInitializationException>(ExpectTerminated(child).Reason.Exception);
        Assert.Contains("PreStart", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_in_PostStop_is_logged_and_the_actor_still_terminates()
    {
        var actor = Sys.ActorOf(Props.Create(() => new FailingPostStop()));
        Watch(actor);
        EventFilter.Error(contains: "PostStop threw").ExpectOne(() => Sys.Stop(actor));
        ExpectTerminated(actor);
    }

    private sealed class FailingConstructor : ActorBase
    {
        public FailingConstructor() => throw new TestException("ctor");

        protected override bool Receive(object message) => true;
    }

    private sealed class FailingPreStart : ActorBase
    {
        protected override void PreStart() => throw new TestException("prestart");

        protected override bool Receive(object message) => true;
    }

    private sealed class FailingPostStop : ActorBase
    {
        protected override void PostStop() => throw new TestException("poststop");

        protected override bool Receive(object message) => true;
    }
}

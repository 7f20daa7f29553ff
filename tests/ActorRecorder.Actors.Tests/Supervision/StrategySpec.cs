namespace ActorRecorder.Actors.Tests.Supervision;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class StrategySpec(ITestOutputHelper output) : TestKit(output)
{
    private IActorRef[] StartChildren(IActorRef parent, params string[] ids)
    {
        var children = new IActorRef[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            parent.Tell((Reporter.Props(TestActor, ids[i]), ids[i]), TestActor);
            children[i] = this.ExpectChildStarted(ids[i]);
        }
        return children;
    }

    [Fact]
    public void Resume_keeps_the_instance_and_its_state()
    {
        var parent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(_ => Directive.Resume)));
        parent.Tell(Props.Create(() => new Counter()), TestActor);
        var counter = ExpectMsg<IActorRef>();
        counter.Tell("inc", TestActor);
        counter.Tell("inc", TestActor);
        counter.Tell(new Crash(), TestActor);
        counter.Tell("get", TestActor);
        ExpectMsg(2);
    }

    [Fact]
    public void Restart_keeps_the_ref_drops_the_failed_message_and_keeps_the_queued_ones()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        var child = StartChildren(parent, "c")[0];
        child.Tell(new Crash(), TestActor);
        child.Tell("queued-1", TestActor);
        child.Tell("queued-2", TestActor);
        ExpectMsg(new Lifecycle("c", "prerestart"));
        ExpectMsg(new Lifecycle("c", "poststop"));
        ExpectMsg(new Lifecycle("c", "postrestart"));
        ExpectMsg(new Lifecycle("c", "prestart"));
        ExpectMsg("queued-1");
        ExpectMsg("queued-2");
        Assert.Equal(child, LastSender);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // the failed message was not processed again
    }

    [Fact]
    public void Restart_resets_the_state()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        parent.Tell(Props.Create(() => new Counter()), TestActor);
        var counter = ExpectMsg<IActorRef>();
        counter.Tell("inc", TestActor);
        counter.Tell(new Crash(), TestActor);
        counter.Tell("get", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void Stop_terminates_the_failed_child_with_its_failure()
    {
        var parent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(_ => Directive.Stop)));
        var child = StartChildren(parent, "s")[0];
        child.Tell(new Crash("stop me"), TestActor);
        ExpectMsg(new Lifecycle("s", "poststop"));
        Assert.Equal("stop me", ExpectTerminated(child).Reason.Exception!.Message);
    }

    [Fact]
    public void Escalate_fails_the_parent_which_its_own_supervisor_handles()
    {
        var grandparent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(e => e is TestException { Message: "escalated" } ? Directive.Stop : Directive.Restart)));
        grandparent.Tell(Parent.Props(new OneForOneStrategy(_ => Directive.Escalate)), TestActor);
        var parent = ExpectMsg<IActorRef>();
        var child = StartChildren(parent, "e")[0];
        child.Tell(new Crash("escalated"), TestActor);
        ExpectMsg(new Lifecycle("e", "poststop"));
        var terminated = ExpectTerminated(parent);
        Assert.Equal("escalated", terminated.Reason.Exception!.Message);
    }

    [Fact]
    public void One_for_one_restarts_only_the_failed_child()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        var children = StartChildren(parent, "a", "b");
        children[1].Tell(new Crash(), TestActor);
        ExpectMsg(new Lifecycle("b", "prerestart"));
        ExpectMsg(new Lifecycle("b", "poststop"));
        ExpectMsg(new Lifecycle("b", "postrestart"));
        ExpectMsg(new Lifecycle("b", "prestart"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void All_for_one_stops_all_in_reverse_start_order_then_starts_all_in_start_order()
    {
        var parent = Sys.ActorOf(Parent.Props(new AllForOneStrategy(SupervisorStrategy.DefaultDecider)));
        var children = StartChildren(parent, "c1", "c2", "c3");
        children[1].Tell(new Crash(), TestActor);
        foreach (var id in new[] { "c3", "c2", "c1" })
        {
            ExpectMsg(new Lifecycle(id, "prerestart"));
            ExpectMsg(new Lifecycle(id, "poststop"));
        }
        foreach (var id in new[] { "c1", "c2", "c3" })
        {
            ExpectMsg(new Lifecycle(id, "postrestart"));
            ExpectMsg(new Lifecycle(id, "prestart"));
        }
        foreach (var child in children)
        {
            child.Tell("alive", TestActor);
            ExpectMsg("alive");
        }
    }

    [Fact]
    public void Rest_for_one_restarts_the_failed_child_and_those_started_after_it()
    {
        var parent = Sys.ActorOf(Parent.Props(new RestForOneStrategy(SupervisorStrategy.DefaultDecider)));
        var children = StartChildren(parent, "r1", "r2", "r3", "r4");
        children[1].Tell(new Crash(), TestActor);
        foreach (var id in new[] { "r4", "r3", "r2" })
        {
            ExpectMsg(new Lifecycle(id, "prerestart"));
            ExpectMsg(new Lifecycle(id, "poststop"));
        }
        foreach (var id in new[] { "r2", "r3", "r4" })
        {
            ExpectMsg(new Lifecycle(id, "postrestart"));
            ExpectMsg(new Lifecycle(id, "prestart"));
        }
        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // r1 was left alone
    }

    [Fact]
    public void All_for_one_stop_stops_every_child_in_reverse_start_order()
    {
        var parent = Sys.ActorOf(Parent.Props(new AllForOneStrategy(_ => Directive.Stop)));
        var children = StartChildren(parent, "x1", "x2", "x3");
        children[0].Tell(new Crash("x1 failed"), TestActor);
        ExpectMsg(new Lifecycle("x3", "poststop"));
        ExpectMsg(new Lifecycle("x2", "poststop"));
        ExpectMsg(new Lifecycle("x1", "poststop"));
        // The parent was busy stopping its children one by one; then it sees them go in that order.
        Assert.Equal(ExitReason.Shutdown, ExpectTerminated(children[2]).Reason);
        Assert.Equal(ExitReason.Shutdown, ExpectTerminated(children[1]).Reason);
        Assert.Equal("x1 failed", ExpectTerminated(children[0]).Reason.Exception!.Message);
    }

    [Fact]
    public void Exceeding_the_limit_stops_all_children_in_reverse_order_and_fails_the_supervisor_with_shutdown()
    {
        var grandparent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(_ => Directive.Stop)));
        grandparent.Tell(Parent.Props(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider)), TestActor);
        var supervisor = ExpectMsg<IActorRef>();
        var children = StartChildren(supervisor, "k1", "k2", "k3");

        for (var i = 0; i < 2; i++)
        {
            children[1].Tell(new Crash(), TestActor);
            ExpectMsg(new Lifecycle("k2", "prerestart"));
            ExpectMsg(new Lifecycle("k2", "poststop"));
            ExpectMsg(new Lifecycle("k2", "postrestart"));
            ExpectMsg(new Lifecycle("k2", "prestart"));
        }

        children[1].Tell(new Crash("third"), TestActor);
        ExpectMsg(new Lifecycle("k3", "poststop"));
        ExpectMsg(new Lifecycle("k2", "poststop"));
        ExpectMsg(new Lifecycle("k1", "poststop"));
        var terminated = ExpectTerminated(supervisor);
        Assert.Equal(ExitReason.Shutdown, terminated.Reason);
    }

    [Fact]
    public void A_supervisor_that_gives_up_escalates_to_its_parent_with_MaxRestartIntensityReachedException()
    {
        var seen = CreateTestProbe();
        var grandparent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(e =>
        {
            seen.Ref.Tell(e, ActorRefs.NoSender);
            return Directive.Stop;
        })));
        grandparent.Tell(Parent.Props(new OneForOneStrategy(0, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider)), TestActor);
        var supervisor = ExpectMsg<IActorRef>();
        var child = StartChildren(supervisor, "only")[0];
        child.Tell(new Crash("first and last"), TestActor);

        var error = seen.ExpectMsg<MaxRestartIntensityReachedException>();
        Assert.Equal(supervisor, error.Supervisor);
        Assert.Equal(child, error.Child);
        Assert.Equal(ExitReason.Shutdown, error.Reason);
        Assert.Equal("first and last", error.InnerException!.Message);
        Assert.Contains("maximum restart intensity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_grandparent_restarts_a_supervisor_that_gave_up_and_its_children_come_back()
    {
        var grandparent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        grandparent.Tell(Props.Create(() => new SupervisorWithChild(TestActor)), TestActor);
        var supervisor = this.ExpectChildStarted("worker");
        supervisor.Tell("crash-worker", TestActor);
        ExpectMsg(new Lifecycle("worker", "poststop"));
        // The supervisor (intensity 0) gave up; its parent restarted it, which started a new worker.
        ExpectMsg(new Lifecycle("worker", "prestart"));
        supervisor.Tell("crash-worker", TestActor);
        ExpectMsg(new Lifecycle("worker", "poststop"));
        ExpectMsg(new Lifecycle("worker", "prestart"));
    }

    [Fact]
    public void Restarts_inside_the_window_count_across_all_children()
    {
        var grandparent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(_ => Directive.Stop)));
        grandparent.Tell(Parent.Props(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider)), TestActor);
        var parent = ExpectMsg<IActorRef>();
        var children = StartChildren(parent, "a", "b", "c");
        children[0].Tell(new Crash(), TestActor);
        FishForMessage<Lifecycle>(l => l == new Lifecycle("a", "prestart"));
        children[1].Tell(new Crash(), TestActor);
        FishForMessage<Lifecycle>(l => l == new Lifecycle("b", "prestart"));
        children[2].Tell(new Crash(), TestActor);
        // Third restart within the window, counted across siblings (OTP), not per child (Akka).
        FishForMessage<Lifecycle>(l => l == new Lifecycle("a", "poststop"));
        FishForMessage<Terminated>(t => t.ActorRef.Equals(parent));
    }

    [Fact]
    public void The_default_strategy_is_bounded_and_documented()
    {
        var strategy = SupervisorStrategy.DefaultStrategy;
        Assert.IsType<OneForOneStrategy>(strategy);
        Assert.Equal(10, strategy.MaxNrOfRetries);
        Assert.Equal(TimeSpan.FromSeconds(10), strategy.WithinTimeRange);
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultDecider(new InvalidOperationException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorInitializationException(null, "x")));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorKilledException("x")));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new DeathPactException(TestActor)));
    }

    [Fact]
    public void The_default_strategy_gives_up_on_the_eleventh_restart_within_ten_seconds()
    {
        var grandparent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(_ => Directive.Stop)));
        grandparent.Tell(Parent.Props(SupervisorStrategy.DefaultStrategy), TestActor);
        var supervisor = ExpectMsg<IActorRef>();
        var child = StartChildren(supervisor, "loop")[0];
        for (var i = 0; i < 10; i++)
        {
            child.Tell(new Crash(), TestActor);
            FishForMessage<Lifecycle>(l => l.Event == "prestart");
        }
        child.Tell(new Crash(), TestActor);
        Assert.Equal(ExitReason.Shutdown, FishForMessage<Terminated>(t => t.ActorRef.Equals(supervisor)).Reason);
    }

    [Fact]
    public void Invalid_limits_are_refused_naming_the_argument()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OneForOneStrategy(-2, TimeSpan.FromSeconds(1), SupervisorStrategy.DefaultDecider));
        Assert.Equal("maxNrOfRetries", error.ParamName);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => new AllForOneStrategy(1, TimeSpan.Zero, SupervisorStrategy.DefaultDecider));
        Assert.Equal("withinTimeRange", error.ParamName);
    }

    [Fact]
    public void A_throwing_decider_escalates()
    {
        var grandparent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(_ => Directive.Stop)));
        grandparent.Tell(Parent.Props(new OneForOneStrategy(_ => throw new InvalidOperationException("decider bug"))), TestActor);
        var parent = ExpectMsg<IActorRef>();
        var child = StartChildren(parent, "d")[0];
        child.Tell(new Crash("original"), TestActor);
        Assert.Equal("original", FishForMessage<Terminated>(t => t.ActorRef.Equals(parent)).Reason.Exception!.Message);
    }

    [Fact]
    public void Child_failures_are_logged_with_the_child_path()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy), "logging-parent");
        var child = StartChildren(parent, "noisy")[0];
        EventFilter.Exception<TestException>(contains: "/user/logging-parent/noisy").ExpectOne(() => child.Tell(new Crash(), TestActor));
    }

    private sealed class Counter : ReceiveActor
    {
        private int _count;

        public Counter()
        {
            Receive<string>(s => s == "inc", _ => _count++);
            Receive<string>(s => s == "get", _ => Sender.Tell(_count));
            Receive<Crash>(c => throw new TestException(c.Reason));
        }
    }

    private sealed class SupervisorWithChild : ReceiveActor
    {
        public SupervisorWithChild(IActorRef probe)
        {
            var worker = Context.ActorOf(Reporter.Props(probe, "worker"), "worker");
            Receive<string>(_ => worker.Tell(new Crash()));
        }

        protected override SupervisorStrategy SupervisorStrategy() =>
            new OneForOneStrategy(0, TimeSpan.FromMinutes(1), Actors.SupervisorStrategy.DefaultDecider);
    }
}

using ActorRecorder.Otp.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Starting;

public sealed class StartSpec(ITestOutputHelper output) : OtpSpec(output)
{
    [Fact]
    public async Task Children_start_in_order_and_StartAsync_returns_after_all_have_started()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(), [Worker("a"), Worker("b"), Worker("c")]);
        // All three reports are already here: StartAsync returned after the last start.
        var refs = ExpectStarts("a", "b", "c");
        var children = await supervisor.WhichChildrenAsync();
        Assert.Equal(["a", "b", "c"], children.Select(c => c.Id));
        Assert.Equal(refs, children.Select(c => c.Child));
        Assert.All(children, c => Assert.Equal($"/user/sup/{c.Id}", c.Child!.Path.ToStringWithoutAddress()));
    }

    [Fact]
    public async Task Each_child_is_fully_started_before_the_next_starts()
    {
        var gate = new ManualResetEventSlim();
        var starting = Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(), [Worker("slow", options: new WorkerOptions { StartGate = gate }), Worker("next")]);
        ExpectMsg(new Lifecycle("slow", "start"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // "next" waits for "slow"'s PreStart to return
        Assert.False(starting.IsCompleted);
        gate.Set();
        ExpectMsg(new Lifecycle("next", "start"));
        await starting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_child_supervisor_has_started_its_own_children_before_the_next_sibling_starts()
    {
        var gate = new ManualResetEventSlim();
        var inner = Supervisor.Props(new SupervisorFlags(), [Worker("leaf", options: new WorkerOptions { StartGate = gate })]);
        var starting = Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(), [new ChildSpec("inner", inner, type: ChildType.Supervisor), Worker("after")]);
        ExpectMsg(new Lifecycle("leaf", "start"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        gate.Set();
        ExpectMsg(new Lifecycle("after", "start"));
        await starting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_child_that_fails_to_start_stops_the_started_ones_in_reverse_order_and_fails_the_start()
    {
        var error = await Assert.ThrowsAsync<SupervisorStartException>(() => Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
        [
            Worker("one"), Worker("two"),
            Worker("bad", options: new WorkerOptions { FailStart = _ => true }),
            Worker("never"),
        ]));
        Assert.Equal("bad", error.ChildId);
        Assert.Contains("'bad'", error.Message, StringComparison.Ordinal);
        // The real cause, not Akka's ActorInitializationException / TargetInvocationException wrappers.
        var cause = Assert.IsType<TestException>(error.Reason.Exception);
        Assert.Equal("bad failed to start", cause.Message);
        Assert.Same(cause, error.InnerException);
        ExpectStarts("one", "two");
        ExpectStops("two", "one");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // "never" was not started
        // The failed supervisor left nothing behind: its name becomes free again.
        AwaitAssert(() => Sys.ActorOf(Props.Create(() => new Worker(TestActor, "x", new WorkerOptions())), "sup"));
    }

    [Fact]
    public async Task A_failing_PreStart_is_a_start_failure_too()
    {
        var error = await Assert.ThrowsAsync<SupervisorStartException>(() => Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker("ok"), new ChildSpec("prestart", Props.Create(() => new FailingPreStart()))]));
        Assert.Equal("prestart", error.ChildId);
        Assert.Equal("PreStart refused", Assert.IsType<TestException>(error.Reason.Exception).Message);
        ExpectStarts("ok");
        ExpectStops("ok");
    }

    [Fact]
    public async Task A_nested_start_failure_names_the_inner_child_and_its_cause()
    {
        var inner = Supervisor.Props(new SupervisorFlags(), [Worker("leaf", options: new WorkerOptions { FailStart = _ => true })]);
        var error = await Assert.ThrowsAsync<SupervisorStartException>(() => Supervisor.StartAsync(Sys, "outer", new SupervisorFlags(),
            [Worker("first"), new ChildSpec("inner", inner, type: ChildType.Supervisor)]));
        Assert.Equal("inner", error.ChildId);
        var innerError = Assert.IsType<SupervisorStartException>(error.Reason.Exception);
        Assert.Equal("leaf", innerError.ChildId);
        Assert.IsType<TestException>(innerError.Reason.Exception);
        ExpectStarts("first");
        ExpectStops("first");
    }

    [Fact]
    public async Task A_supervisor_given_a_strategy_through_its_props_refuses_to_start_and_says_why()
    {
        var props = Supervisor.Props(new SupervisorFlags(), [Worker("w")]).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);
        var error = await Assert.ThrowsAsync<SupervisorStartException>(() => Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [new ChildSpec("bad", props, type: ChildType.Supervisor)]));
        Assert.Equal("bad", error.ChildId);
        var refusal = Assert.IsType<NotSupportedException>(error.Reason.Exception);
        Assert.Contains("WithSupervisorStrategy", refusal.Message, StringComparison.Ordinal);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // its child never started
    }

    [Theory]
    [InlineData(-1, 5, "invalid_intensity")]
    [InlineData(1, 0, "invalid_period")]
    [InlineData(1, -3, "invalid_period")]
    public void Invalid_flags_are_refused_with_OTPs_reason(int intensity, int periodSeconds, string reason)
    {
        var error = Assert.Throws<InvalidSupervisorFlagsException>(() =>
            Supervisor.Props(new SupervisorFlags(intensity: intensity, period: TimeSpan.FromSeconds(periodSeconds)), []));
        Assert.Equal(reason, error.Reason);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_significant_template_needs_auto_shutdown_under_simple_one_for_one_too()
    {
        var error = Assert.Throws<InvalidChildSpecException>(() => Supervisor.Props(new SupervisorFlags(SupervisorStrategyKind.SimpleOneForOne),
            [new ChildSpec("t", _ => Props.Empty, Restart.Transient, significant: true)]));
        Assert.Equal("bad_combination", error.Reason);
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        var error = Assert.Throws<InvalidChildSpecException>(() => Supervisor.Props(new SupervisorFlags(), [Worker("x"), Worker("x")]));
        Assert.Equal("duplicate_child_name", error.Reason);
        Assert.Equal("x", error.ChildId);
    }

    [Fact]
    public void A_significant_permanent_child_is_refused()
    {
        var error = Assert.Throws<InvalidChildSpecException>(() => Supervisor.Props(
            new SupervisorFlags(autoShutdown: AutoShutdown.AnySignificant), [Worker("s", Restart.Permanent, significant: true)]));
        Assert.Equal("bad_combination", error.Reason);
        Assert.Contains("permanent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_significant_child_needs_auto_shutdown()
    {
        var error = Assert.Throws<InvalidChildSpecException>(() => Supervisor.Props(new SupervisorFlags(), [Worker("s", Restart.Transient, significant: true)]));
        Assert.Equal("bad_combination", error.Reason);
        Assert.Contains("auto_shutdown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simple_one_for_one_needs_exactly_one_template()
    {
        var error = Assert.Throws<InvalidChildSpecException>(() => Supervisor.Props(
            new SupervisorFlags(SupervisorStrategyKind.SimpleOneForOne), [Worker("a"), Worker("b")]));
        Assert.Equal("bad_start_spec", error.Reason);
    }

    [Fact]
    public void A_child_id_must_be_a_valid_actor_name()
    {
        var error = Assert.Throws<InvalidChildSpecException>(() => Supervisor.Props(new SupervisorFlags(), [Worker("bad/id")]));
        Assert.Equal("invalid_child_spec", error.Reason);
        Assert.Equal("bad/id", error.ChildId);
    }

    [Fact]
    public void Shutdown_defaults_follow_the_child_type()
    {
        var worker = new ChildSpec("w", Props.Empty);
        var supervisor = new ChildSpec("s", Props.Empty, type: ChildType.Supervisor);
        Assert.Equal(Otp.Shutdown.Timeout(TimeSpan.FromSeconds(5)), worker.Shutdown);
        Assert.Equal(Otp.Shutdown.Infinity, supervisor.Shutdown);
        Assert.Equal(Restart.Permanent, worker.Restart);
        Assert.Null(worker.RestartMode);
        Assert.Equal(TimeSpan.Zero, Otp.Shutdown.Timeout(TimeSpan.Zero).TimeoutValue); // OTP accepts 0: stop at once after asking
        Assert.Throws<ArgumentOutOfRangeException>(() => Otp.Shutdown.Timeout(TimeSpan.FromMilliseconds(-1)));
    }

    private sealed class FailingPreStart : ActorBase
    {
        protected override void PreStart() => throw new TestException("PreStart refused");

        protected override bool Receive(object message) => true;
    }
}

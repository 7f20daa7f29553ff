namespace ActorRecorder.Actors.Tests.Supervision.Otp;

using ActorRecorder.Actors.Supervision;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;
using static ActorRecorder.Actors.Tests.Supervision.Otp.OtpKit;

public sealed class OtpStartSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public async Task Children_start_in_order_and_StartAsync_returns_after_all_have_started()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker(this, "a"), Worker(this, "b"), Worker(this, "c")]);
        // All three reports are already here: StartAsync returned after the last start.
        this.ExpectStarts("a", "b", "c");
        var children = await supervisor.WhichChildrenAsync();
        Assert.Equal(["a", "b", "c"], children.Select(c => c.Id));
        Assert.All(children, c => Assert.NotNull(c.Child));
    }

    [Fact]
    public async Task Each_child_is_fully_started_before_the_next_starts()
    {
        var gate = new ManualResetEventSlim();
        var starting = Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker(this, "slow", options: new WorkerOptions { StartGate = gate }), Worker(this, "next")]);
        ExpectMsg(new Actors.Tests.Support.Lifecycle("slow", "start"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.False(starting.IsCompleted);
        gate.Set();
        ExpectMsg(new Actors.Tests.Support.Lifecycle("next", "start"));
        await starting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_child_that_fails_to_start_stops_the_started_ones_in_reverse_order_and_fails_the_start()
    {
        var error = await Assert.ThrowsAsync<SupervisorStartException>(() => Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
        [
            Worker(this, "one"), Worker(this, "two"),
            Worker(this, "bad", options: new WorkerOptions { FailStart = () => true }),
            Worker(this, "never"),
        ]));
        Assert.Equal("bad", error.ChildId);
        Assert.Contains("bad failed to start", error.Message, StringComparison.Ordinal);
        Assert.IsType<Actors.Tests.Support.TestException>(error.Reason.Exception);
        this.ExpectStarts("one", "two");
        this.ExpectStops("two", "one");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // "never" was not started
        // The failed supervisor left nothing behind: its name becomes free again.
        AwaitAssert(() => Sys.ActorOf(Props.Create<Actors.Tests.Support.Echo>(), "sup"));
    }

    [Fact]
    public async Task A_failing_PreStart_is_a_start_failure_too()
    {
        var error = await Assert.ThrowsAsync<SupervisorStartException>(() => Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker(this, "ok"), new ChildSpec("prestart", Props.Create(() => new FailingPreStart()))]));
        Assert.Equal("prestart", error.ChildId);
        Assert.Equal("PreStart refused", error.Reason.Exception!.Message);
        this.ExpectStarts("ok");
        this.ExpectStops("ok");
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
    public void Auto_shutdown_is_refused_for_simple_one_for_one()
    {
        var error = Assert.Throws<InvalidSupervisorFlagsException>(() => Supervisor.Props(
            new SupervisorFlags(SupervisorStrategyKind.SimpleOneForOne, autoShutdown: AutoShutdown.AnySignificant),
            [new ChildSpec("t", _ => Props.Create<Actors.Tests.Support.Echo>())]));
        Assert.Equal("bad_combination", error.Reason);
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        var error = Assert.Throws<InvalidChildSpecException>(() => Supervisor.Props(new SupervisorFlags(), [Worker(this, "x"), Worker(this, "x")]));
        Assert.Equal("duplicate_child_name", error.Reason);
        Assert.Equal("x", error.ChildId);
    }

    [Fact]
    public void A_significant_permanent_child_is_refused()
    {
        var error = Assert.Throws<InvalidChildSpecException>(() => Supervisor.Props(
            new SupervisorFlags(autoShutdown: AutoShutdown.AnySignificant), [Worker(this, "s", Restart.Permanent, significant: true)]));
        Assert.Equal("bad_combination", error.Reason);
        Assert.Contains("permanent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_significant_child_needs_auto_shutdown()
    {
        var error = Assert.Throws<InvalidChildSpecException>(() => Supervisor.Props(
            new SupervisorFlags(), [Worker(this, "s", Restart.Transient, significant: true)]));
        Assert.Equal("bad_combination", error.Reason);
        Assert.Contains("auto_shutdown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simple_one_for_one_needs_exactly_one_template()
    {
        var error = Assert.Throws<InvalidChildSpecException>(() => Supervisor.Props(
            new SupervisorFlags(SupervisorStrategyKind.SimpleOneForOne), [Worker(this, "a"), Worker(this, "b")]));
        Assert.Equal("bad_start_spec", error.Reason);
    }

    [Fact]
    public void A_child_id_must_be_a_valid_actor_name()
    {
        var error = Assert.Throws<InvalidChildSpecException>(() => Supervisor.Props(new SupervisorFlags(), [Worker(this, "bad/id")]));
        Assert.Equal("invalid_child_spec", error.Reason);
    }

    [Fact]
    public void Shutdown_defaults_follow_the_child_type()
    {
        var worker = new ChildSpec("w", Props.Create<Actors.Tests.Support.Echo>());
        var supervisor = new ChildSpec("s", Props.Create<Actors.Tests.Support.Echo>(), type: ChildType.Supervisor);
        Assert.Equal(Shutdown.Timeout(TimeSpan.FromSeconds(5)), worker.Shutdown);
        Assert.Equal(Shutdown.Infinity, supervisor.Shutdown);
        Assert.Equal(Restart.Permanent, worker.Restart);
        Assert.Throws<ArgumentOutOfRangeException>(() => Shutdown.Timeout(TimeSpan.Zero));
    }

    private sealed class FailingPreStart : ActorBase
    {
        protected override void PreStart() => throw new Actors.Tests.Support.TestException("PreStart refused");

        protected override bool Receive(object message) => true;
    }
}

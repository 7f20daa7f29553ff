using ActorRecorder.Otp.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Restarting;

/// <summary>one_for_all and rest_for_one: the order of stops and starts, observed through the children's own reports.</summary>
public sealed class GroupRestartSpec(ITestOutputHelper output) : OtpSpec(output)
{
    private static SupervisorFlags Flags(SupervisorStrategyKind strategy, int intensity = 5) => new(strategy, intensity, TimeSpan.FromMinutes(1));

    [Fact]
    public async Task One_for_all_stops_the_exited_child_then_the_others_in_reverse_order_and_starts_all_in_start_order()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", Flags(SupervisorStrategyKind.OneForAll), [Worker("a"), Worker("b"), Worker("c")]);
        var children = ExpectStarts("a", "b", "c");
        children[1].Tell(new Crash(), TestActor);
        ExpectStops("b", "c", "a"); // in OTP "b" is already dead when the supervisor hears of it
        var restarted = ExpectStarts("a", "b", "c");
        Assert.All(restarted.Zip(children), pair => Assert.NotEqual(pair.Second, pair.First)); // fresh incarnations, as OTP's new pids
        Assert.Equal(restarted, (await supervisor.WhichChildrenAsync()).Select(c => c.Child));
        Assert.All(await supervisor.WhichChildrenAsync(), c => Assert.False(c.Restarting));
    }

    [Fact]
    public async Task Rest_for_one_restarts_the_exited_child_and_those_after_it()
    {
        await Supervisor.StartAsync(Sys, "sup", Flags(SupervisorStrategyKind.RestForOne), [Worker("a"), Worker("b"), Worker("c"), Worker("d")]);
        var children = ExpectStarts("a", "b", "c", "d");
        children[1].Tell(Kill.Instance, TestActor);
        ExpectStops("b", "d", "c");
        ExpectStarts("b", "c", "d");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // "a" untouched
        children[0].Tell("ping", TestActor);
        ExpectMsg("pong");
    }

    [Fact]
    public async Task A_temporary_sibling_is_not_recreated_by_a_group_restart()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", Flags(SupervisorStrategyKind.OneForAll),
            [Worker("a"), Worker("temp", Restart.Temporary), Worker("c")]);
        var children = ExpectStarts("a", "temp", "c");
        children[2].Tell(new Crash(), TestActor);
        ExpectStops("c", "temp", "a");
        ExpectStarts("a", "c");
        Assert.Equal(["a", "c"], (await supervisor.WhichChildrenAsync()).Select(c => c.Id));
    }

    [Fact]
    public async Task A_normal_exit_of_a_transient_child_does_not_trigger_a_group_restart()
    {
        await Supervisor.StartAsync(Sys, "sup", Flags(SupervisorStrategyKind.OneForAll), [Worker("a"), Worker("t", Restart.Transient)]);
        var children = ExpectStarts("a", "t");
        children[1].Tell("normal", TestActor);
        ExpectStops("t");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_stopped_sibling_in_the_group_is_started_again_as_OTP_does()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", Flags(SupervisorStrategyKind.RestForOne), [Worker("a"), Worker("b"), Worker("c")]);
        var children = ExpectStarts("a", "b", "c");
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("c"));
        ExpectStops("c");
        children[1].Tell(new Crash(), TestActor);
        ExpectStops("b");
        ExpectStarts("b", "c"); // OTP's start_children starts every spec of the group, running before or not
        Assert.Equal(3, (await supervisor.CountChildrenAsync()).Active);
    }

    [Fact]
    public async Task A_sibling_that_ignores_its_graceful_shutdown_is_stopped_after_its_timeout_and_started_anew()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", Flags(SupervisorStrategyKind.OneForAll),
        [
            Worker("a"),
            new ChildSpec("slow", GracefulWorker.Props(TestActor, "slow", ignoreShutdown: true), shutdown: Otp.Shutdown.Timeout(TimeSpan.FromMilliseconds(200))),
            Worker("c"),
        ]);
        var children = ExpectStarts("a", "slow", "c");
        children[0].Tell(new Crash(), TestActor);
        ExpectStops("a", "c");
        ExpectMsg(new Lifecycle("slow", "graceful")); // it ignores the request…
        ExpectStops("slow");                           // …and after 200 ms it is stopped regardless
        var restarted = ExpectStarts("a", "slow", "c");
        Assert.NotEqual(children[1], restarted[1]);
        Assert.Equal(restarted[1], (await ChildAsync(supervisor, "slow")).Child);
    }

    [Fact]
    public async Task A_brutal_kill_sibling_is_stopped_at_once_without_the_graceful_shutdown_message()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", Flags(SupervisorStrategyKind.RestForOne),
            [Worker("a"), new ChildSpec("brutal", GracefulWorker.Props(TestActor, "brutal"), shutdown: Otp.Shutdown.BrutalKill)]);
        var children = ExpectStarts("a", "brutal");
        children[0].Tell(new Crash(), TestActor);
        ExpectStops("a", "brutal"); // no "graceful" report in between: it was not asked
        var restarted = ExpectStarts("a", "brutal");
        Assert.NotEqual(children[1], restarted[1]);
        Assert.Equal(2, (await supervisor.CountChildrenAsync()).Active);
    }

    [Fact]
    public async Task A_group_restart_counts_as_one_restart()
    {
        var (supervisor, parent) = await StartUnderParentAsync(Flags(SupervisorStrategyKind.OneForAll, intensity: 1), [Worker("a"), Worker("b"), Worker("c")]);
        var children = ExpectStarts("a", "b", "c");
        children[0].Tell(new Crash(), TestActor);
        ExpectStops("a", "c", "b");
        var second = ExpectStarts("a", "b", "c"); // one group restart, within intensity 1
        second[0].Tell(new Crash(), TestActor);
        ExpectStops("a", "c", "b"); // the second exceeds it: all stop, the supervisor exits with reason shutdown
        var exit = ExpectExit<MaxRestartIntensityReachedException>(parent, supervisor);
        Assert.Equal(ExitReason.Shutdown, exit.Reason);
        Assert.Equal("a", exit.ChildId);
    }

    /// <summary>
    /// rest_for_one over x, a and slow; a crashes, and the supervisor is left waiting, however long it takes, for "slow",
    /// which ignores its graceful shutdown until told "normal".
    /// </summary>
    private async Task<(IActorRef Supervisor, IActorRef[] Children)> BusyWithAGroupRestartAsync()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", Flags(SupervisorStrategyKind.RestForOne),
        [
            Worker("x"),
            Worker("a"),
            new ChildSpec("slow", GracefulWorker.Props(TestActor, "slow", ignoreShutdown: true), shutdown: Otp.Shutdown.Infinity),
        ]);
        var children = ExpectStarts("x", "a", "slow");
        children[1].Tell(new Crash(), TestActor);
        ExpectStops("a");
        ExpectMsg(new Lifecycle("slow", "graceful"));
        return (supervisor, children);
    }

    [Fact]
    public async Task A_failure_that_arrives_during_a_group_restart_is_handled_after_it()
    {
        var (supervisor, children) = await BusyWithAGroupRestartAsync();
        var listing = supervisor.WhichChildrenAsync(TimeSpan.FromSeconds(30));
        Taken(supervisor);
        children[0].Tell(new Crash(), TestActor);      // "x" is not in the group: its exit waits for the group restart
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.False(listing.IsCompleted);             // requests wait too
        children[2].Tell("normal", TestActor);         // "slow" goes
        ExpectStops("slow");
        var second = ExpectStarts("a", "slow");
        // Then what arrived meanwhile, in arrival order, as OTP takes it from its mailbox: first the request…
        Assert.Equal(["x", "a", "slow"], (await listing).Select(c => c.Id));
        // …then x's exit: under rest_for_one, x and every child after it.
        ExpectStops("x");
        ExpectMsg(new Lifecycle("slow", "graceful"));
        second[1].Tell("normal", TestActor);
        ExpectStops("slow", "a");
        ExpectStarts("x", "a", "slow");
    }

    [Fact]
    public async Task An_exit_noted_while_busy_is_dropped_when_a_request_before_it_terminated_that_child()
    {
        var (supervisor, children) = await BusyWithAGroupRestartAsync();
        var terminating = supervisor.TerminateChildAsync("x", TimeSpan.FromSeconds(30));
        Taken(supervisor);                             // the request is queued…
        children[0].Tell(new Crash(), TestActor);      // …before x's exit; Akka holds the failed x until its supervisor decides
        children[2].Tell("normal", TestActor);
        ExpectStops("slow");
        ExpectStarts("a", "slow");
        ExpectStops("x");                              // the request stops it
        Assert.IsType<SupervisorResult.Ok>(await terminating);
        // As OTP's terminate_child flushes the child's pending EXIT, the exit is not acted on: x stays stopped.
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Null((await ChildAsync(supervisor, "x")).Child);
    }

    [Fact]
    public async Task Requests_that_arrive_while_a_restart_runs_are_answered_after_it_in_order()
    {
        var gate = new ManualResetEventSlim(initialState: true);
        var supervisor = await Supervisor.StartAsync(Sys, "sup", Flags(SupervisorStrategyKind.OneForAll),
            [Worker("a"), Worker("slow", options: new WorkerOptions { StartGate = gate })]);
        var children = ExpectStarts("a", "slow");
        gate.Reset();
        children[0].Tell(new Crash(), TestActor);
        ExpectStops("a", "slow");
        ExpectStarts("a", "slow"); // the new "slow" is inside PreStart, blocked
        var first = supervisor.CountChildrenAsync(TimeSpan.FromSeconds(30));
        var second = supervisor.WhichChildrenAsync(TimeSpan.FromSeconds(30));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.False(first.IsCompleted);
        gate.Set();
        Assert.Equal(2, (await first).Active);
        Assert.All(await second, c => Assert.False(c.Restarting));
        Assert.True(first.IsCompleted);
    }
}

namespace ActorRecorder.Actors.Tests.Supervision.Otp;

using ActorRecorder.Actors.Supervision;
using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;
using static ActorRecorder.Actors.Tests.Supervision.Otp.OtpKit;

public sealed class OtpRestartSpec(ITestOutputHelper output) : TestKit(output)
{
    [Theory]
    [InlineData(Restart.Permanent, "normal", true)]
    [InlineData(Restart.Permanent, "shutdown", true)]
    [InlineData(Restart.Permanent, "crash", true)]
    [InlineData(Restart.Permanent, "kill", true)]
    [InlineData(Restart.Transient, "normal", false)]
    [InlineData(Restart.Transient, "shutdown", false)]
    [InlineData(Restart.Transient, "crash", true)]
    [InlineData(Restart.Transient, "kill", true)]
    [InlineData(Restart.Temporary, "normal", false)]
    [InlineData(Restart.Temporary, "shutdown", false)]
    [InlineData(Restart.Temporary, "crash", false)]
    [InlineData(Restart.Temporary, "kill", false)]
    public async Task Restart_type_and_exit_reason_decide_the_restart(Restart restart, string exit, bool restarted)
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(intensity: 5), [Worker(this, "w", restart)]);
        var child = this.ExpectStarts("w")[0];

        this.Exit(child, exit);
        this.ExpectStops("w");
        if (restarted)
        {
            ExpectMsg(new Lifecycle("w", "start"));
            Assert.Equal(child, LastSender); // the same ref after the restart
            var info = await ChildAsync(supervisor, "w");
            Assert.Equal(child, info.Child);
            child.Tell("ping", TestActor);
            ExpectMsg("pong");
        }
        else
        {
            ExpectNoMsg(TimeSpan.FromMilliseconds(200));
            var children = await supervisor.WhichChildrenAsync();
            if (restart == Restart.Temporary)
            {
                Assert.Empty(children); // a temporary spec goes with its child
            }
            else
            {
                Assert.Null(Assert.Single(children).Child); // the spec stays, without a child
            }
        }
    }

    [Fact]
    public async Task One_for_all_stops_the_others_in_reverse_order_and_starts_all_in_start_order()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(SupervisorStrategyKind.OneForAll, intensity: 5),
            [Worker(this, "a"), Worker(this, "b"), Worker(this, "c")]);
        var children = this.ExpectStarts("a", "b", "c");
        children[1].Tell(new Crash(), TestActor);
        this.ExpectStops("c", "b", "a");
        var restarted = this.ExpectStarts("a", "b", "c");
        Assert.Equal(children, restarted);
        Assert.All(await supervisor.WhichChildrenAsync(), c => Assert.False(c.Restarting));
    }

    [Fact]
    public async Task Rest_for_one_restarts_the_exited_child_and_those_after_it()
    {
        await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(SupervisorStrategyKind.RestForOne, intensity: 5),
            [Worker(this, "a"), Worker(this, "b"), Worker(this, "c"), Worker(this, "d")]);
        var children = this.ExpectStarts("a", "b", "c", "d");
        children[1].Tell(Kill.Instance, TestActor);
        this.ExpectStops("d", "c", "b");
        this.ExpectStarts("b", "c", "d");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // "a" untouched
    }

    [Fact]
    public async Task A_temporary_sibling_is_not_recreated_by_a_group_restart()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(SupervisorStrategyKind.OneForAll, intensity: 5),
            [Worker(this, "a"), Worker(this, "temp", Restart.Temporary), Worker(this, "c")]);
        var children = this.ExpectStarts("a", "temp", "c");
        children[2].Tell(new Crash(), TestActor);
        this.ExpectStops("c", "temp", "a");
        this.ExpectStarts("a", "c");
        var ids = (await supervisor.WhichChildrenAsync()).Select(c => c.Id);
        Assert.Equal(["a", "c"], ids);
    }

    [Fact]
    public async Task A_normal_exit_of_a_transient_child_does_not_trigger_a_group_restart()
    {
        await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(SupervisorStrategyKind.OneForAll, intensity: 5),
            [Worker(this, "a"), Worker(this, "t", Restart.Transient)]);
        var children = this.ExpectStarts("a", "t");
        children[1].Tell("normal", TestActor);
        this.ExpectStops("t");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_sibling_that_does_not_stop_within_its_shutdown_timeout_is_killed_and_started_anew()
    {
        var stuck = new ManualResetEventSlim();
        try
        {
            var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(SupervisorStrategyKind.OneForAll, intensity: 5),
            [
                Worker(this, "a"),
                Worker(this, "slow", options: new WorkerOptions { StopGate = stuck }, shutdown: Shutdown.Timeout(TimeSpan.FromMilliseconds(200))),
                Worker(this, "c"),
            ]);
            var children = this.ExpectStarts("a", "slow", "c");
            children[0].Tell(new Crash(), TestActor);
            this.ExpectStops("c", "slow"); // "slow" hangs in PostStop; after 200 ms it is killed…
            this.ExpectStops("a");
            var restarted = this.ExpectStarts("a", "slow", "c");
            Assert.Equal(children[0], restarted[0]);
            Assert.Equal(children[2], restarted[2]);
            Assert.NotEqual(children[1], restarted[1]); // …and comes back as a new incarnation
            Assert.Equal(restarted[1], (await ChildAsync(supervisor, "slow")).Child);
        }
        finally
        {
            stuck.Set();
        }
    }

    [Fact]
    public async Task A_brutal_kill_sibling_is_not_stopped_gracefully_in_a_group_restart()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(SupervisorStrategyKind.RestForOne, intensity: 5),
            [Worker(this, "a"), Worker(this, "brutal", shutdown: Shutdown.BrutalKill)]);
        var children = this.ExpectStarts("a", "brutal");
        children[0].Tell(new Crash(), TestActor);
        this.ExpectStops("a");           // no "stop" from "brutal": it is killed, PostStop does not run
        var restarted = this.ExpectStarts("a", "brutal");
        Assert.NotEqual(children[1], restarted[1]);
        Assert.Equal(2, (await supervisor.CountChildrenAsync()).Active);
    }

    [Fact]
    public async Task A_group_restart_counts_as_one_restart()
    {
        var (supervisor, watcher) = await this.StartUnderStopperAsync(new SupervisorFlags(SupervisorStrategyKind.OneForAll, intensity: 1, period: TimeSpan.FromMinutes(1)),
            [Worker(this, "a"), Worker(this, "b"), Worker(this, "c")]);
        var children = this.ExpectStarts("a", "b", "c");
        children[0].Tell(new Crash(), TestActor);
        this.ExpectStops("c", "b", "a");
        this.ExpectStarts("a", "b", "c"); // one group restart, within intensity 1
        children[0].Tell(new Crash(), TestActor);
        this.ExpectStops("c", "b", "a"); // the second exceeds it: all stop, the supervisor exits
        Assert.Equal(ExitReason.Shutdown, watcher.ExpectTerminated(supervisor).Reason);
    }
}

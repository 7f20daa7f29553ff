namespace ActorRecorder.Actors.Tests.Supervision.Otp;

using ActorRecorder.Actors.Supervision;
using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;
using static ActorRecorder.Actors.Tests.Supervision.Otp.OtpKit;

public sealed class OtpIntensitySpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public async Task More_than_intensity_restarts_within_the_period_stop_everything_and_exit_with_shutdown()
    {
        var (supervisor, watcher) = await this.StartUnderStopperAsync(new SupervisorFlags(intensity: 2, period: TimeSpan.FromMinutes(1)),
            [Worker(this, "a"), Worker(this, "b"), Worker(this, "c")]);
        var children = this.ExpectStarts("a", "b", "c");
        for (var i = 0; i < 2; i++)
        {
            children[1].Tell(new Crash(), TestActor);
            this.ExpectStops("b");
            this.ExpectStarts("b");
        }
        children[1].Tell(new Crash(), TestActor);
        this.ExpectStops("c", "b", "a");
        Assert.Equal(ExitReason.Shutdown, watcher.ExpectTerminated(supervisor).Reason);
    }

    [Fact]
    public async Task Intensity_zero_gives_up_at_the_first_restart()
    {
        var (supervisor, watcher) = await this.StartUnderStopperAsync(new SupervisorFlags(intensity: 0), [Worker(this, "a"), Worker(this, "b")]);
        var children = this.ExpectStarts("a", "b");
        children[0].Tell(new Crash(), TestActor);
        this.ExpectStops("b", "a");
        Assert.Equal(ExitReason.Shutdown, watcher.ExpectTerminated(supervisor).Reason);
    }

    [Fact]
    public async Task A_restart_whose_start_fails_is_retried_and_counts_again()
    {
        var starts = 0;
        // The first start works, the next three fail, the fifth works.
        var options = new WorkerOptions { FailStart = () => Interlocked.Increment(ref starts) is >= 2 and <= 4 };
        var (supervisor, watcher) = await this.StartUnderStopperAsync(new SupervisorFlags(intensity: 10, period: TimeSpan.FromMinutes(1)),
            [Worker(this, "flaky", options: options)]);
        var child = this.ExpectStarts("flaky")[0];
        child.Tell(new Crash(), TestActor);
        this.ExpectStops("flaky");
        // Three restarts fail in the constructor and are retried; the fourth succeeds.
        ExpectMsg(new Lifecycle("flaky", "start"));
        Assert.Equal(child, LastSender);
        Assert.Equal(5, Volatile.Read(ref starts));
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_start_that_always_fails_exhausts_the_intensity()
    {
        var starts = 0;
        var options = new WorkerOptions { FailStart = () => Interlocked.Increment(ref starts) > 1 };
        var (supervisor, watcher) = await this.StartUnderStopperAsync(new SupervisorFlags(intensity: 3, period: TimeSpan.FromMinutes(1)),
            [Worker(this, "doomed", options: options)]);
        var child = this.ExpectStarts("doomed")[0];
        child.Tell(new Crash(), TestActor);
        this.ExpectStops("doomed");
        Assert.Equal(ExitReason.Shutdown, watcher.ExpectTerminated(supervisor).Reason);
        Assert.Equal(4, Volatile.Read(ref starts)); // the first start, then the restart and its three retries
    }

    [Fact]
    public async Task A_permanent_child_supervisor_that_gives_up_is_restarted_by_its_parent()
    {
        var inner = Supervisor.Props(new SupervisorFlags(intensity: 0), [Worker(this, "leaf")]);
        var outer = await Supervisor.StartAsync(Sys, "outer", new SupervisorFlags(intensity: 5),
            [new ChildSpec("inner", inner, Restart.Permanent, type: ChildType.Supervisor)]);
        var leaf = this.ExpectStarts("leaf")[0];
        var innerRef = (await outer.WhichChildrenAsync())[0].Child!;
        leaf.Tell(new Crash(), TestActor);
        this.ExpectStops("leaf");     // inner gives up and stops its child…
        var newLeaf = this.ExpectStarts("leaf")[0]; // …outer restarts inner, which starts a new leaf
        Assert.NotEqual(leaf, newLeaf);
        Assert.Equal(innerRef, (await outer.WhichChildrenAsync())[0].Child); // inner keeps its ref
    }

    [Fact]
    public async Task A_transient_child_supervisor_that_gives_up_is_not_restarted()
    {
        var inner = Supervisor.Props(new SupervisorFlags(intensity: 0), [Worker(this, "leaf")]);
        var outer = await Supervisor.StartAsync(Sys, "outer", new SupervisorFlags(intensity: 5),
            [new ChildSpec("inner", inner, Restart.Transient, type: ChildType.Supervisor)]);
        var leaf = this.ExpectStarts("leaf")[0];
        leaf.Tell(new Crash(), TestActor);
        this.ExpectStops("leaf");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        await AwaitAssertAsync(async () => Assert.Null((await outer.WhichChildrenAsync())[0].Child));
    }
}

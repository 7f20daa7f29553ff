namespace ActorRecorder.Actors.Tests.Supervision.Otp;

using ActorRecorder.Actors.Supervision;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;
using static ActorRecorder.Actors.Tests.Supervision.Otp.OtpKit;

public sealed class OtpAutoShutdownSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public async Task Any_significant_shuts_down_when_a_significant_child_exits_on_its_own()
    {
        var (supervisor, watcher) = await this.StartUnderStopperAsync(new SupervisorFlags(autoShutdown: AutoShutdown.AnySignificant),
            [Worker(this, "plain"), Worker(this, "key", Restart.Transient, significant: true), Worker(this, "last")]);
        var children = this.ExpectStarts("plain", "key", "last");
        children[1].Tell("normal", TestActor);
        this.ExpectStops("key");
        this.ExpectStops("last", "plain");
        Assert.Equal(ExitReason.Shutdown, watcher.ExpectTerminated(supervisor).Reason);
    }

    [Fact]
    public async Task All_significant_waits_for_the_last_significant_child()
    {
        var (supervisor, watcher) = await this.StartUnderStopperAsync(new SupervisorFlags(autoShutdown: AutoShutdown.AllSignificant),
            [Worker(this, "s1", Restart.Temporary, significant: true), Worker(this, "s2", Restart.Transient, significant: true), Worker(this, "other")]);
        var children = this.ExpectStarts("s1", "s2", "other");
        children[0].Tell(new Actors.Tests.Support.Crash(), TestActor); // temporary: gone, not restarted
        this.ExpectStops("s1");
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        children[1].Tell("normal", TestActor);
        this.ExpectStops("s2", "other");
        Assert.Equal(ExitReason.Shutdown, watcher.ExpectTerminated(supervisor).Reason);
    }

    [Fact]
    public async Task A_significant_child_that_is_restarted_does_not_shut_down_the_supervisor()
    {
        var (supervisor, watcher) = await this.StartUnderStopperAsync(new SupervisorFlags(intensity: 5, autoShutdown: AutoShutdown.AnySignificant),
            [Worker(this, "key", Restart.Transient, significant: true)]);
        var child = this.ExpectStarts("key")[0];
        child.Tell(new Actors.Tests.Support.Crash(), TestActor); // abnormal: a transient child is restarted
        this.ExpectStops("key");
        this.ExpectStarts("key");
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_significant_child_terminated_by_the_supervisor_does_not_count()
    {
        var (supervisor, watcher) = await this.StartUnderStopperAsync(new SupervisorFlags(autoShutdown: AutoShutdown.AnySignificant),
            [Worker(this, "key", Restart.Transient, significant: true), Worker(this, "other")]);
        this.ExpectStarts("key", "other");
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("key"));
        this.ExpectStops("key");
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, (await supervisor.CountChildrenAsync()).Active);
    }
}

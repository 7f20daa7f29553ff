using ActorRecorder.Otp.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Significant;

/// <summary>Significant children and auto_shutdown: only a child exiting on its own, and not restarted, counts.</summary>
public sealed class AutoShutdownSpec(ITestOutputHelper output) : OtpSpec(output)
{
    /// <summary>Under a plain Akka parent an auto_shutdown is a stop, not a failure the parent would restart.</summary>
    private static void ExpectStopped(Akka.TestKit.TestProbe parent, Akka.Actor.IActorRef supervisor)
    {
        parent.ExpectTerminated(supervisor);
        parent.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Any_significant_shuts_down_when_a_significant_child_exits_on_its_own()
    {
        var (supervisor, parent) = await StartUnderParentAsync(new SupervisorFlags(autoShutdown: AutoShutdown.AnySignificant),
            [Worker("plain"), Worker("key", Restart.Transient, significant: true), Worker("last")]);
        var children = ExpectStarts("plain", "key", "last");
        children[1].Tell("normal", TestActor);
        ExpectStops("key");
        ExpectStops("last", "plain");
        ExpectStopped(parent, supervisor);
    }

    [Fact]
    public async Task Under_an_OTP_parent_the_auto_shutdown_is_a_shutdown_exit()
    {
        var inner = Supervisor.Props(new SupervisorFlags(autoShutdown: AutoShutdown.AnySignificant), [Worker("key", Restart.Transient, significant: true)]);
        var outer = await Supervisor.StartAsync(Sys, "outer", new SupervisorFlags(intensity: 5),
            [new ChildSpec("transient", inner, Restart.Transient, type: ChildType.Supervisor)]);
        var key = ExpectStarts("key")[0];
        var innerRef = (await ChildAsync(outer, "transient")).Child!;
        Watch(innerRef);
        await EventFilter.Error(contains: "(child_terminated)").ExpectAsync(0, async () =>
        {
            key.Tell("normal", TestActor);
            ExpectStops("key");
            ExpectTerminated(innerRef); // reason shutdown: a transient supervisor is not restarted, and it is no error
            await Task.CompletedTask;
        });
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Null((await ChildAsync(outer, "transient")).Child);
    }

    [Fact]
    public async Task All_significant_waits_for_the_last_significant_child()
    {
        var (supervisor, parent) = await StartUnderParentAsync(new SupervisorFlags(autoShutdown: AutoShutdown.AllSignificant),
            [Worker("s1", Restart.Temporary, significant: true), Worker("s2", Restart.Transient, significant: true), Worker("other")]);
        var children = ExpectStarts("s1", "s2", "other");
        children[0].Tell(new Crash(), TestActor); // temporary: gone, not restarted, but s2 still runs
        ExpectStops("s1");
        parent.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        children[1].Tell("shutdown", TestActor); // exits with reason shutdown on purpose: not restarted
        ExpectStops("s2", "other");
        ExpectStopped(parent, supervisor);
    }

    [Fact]
    public async Task A_significant_child_that_is_restarted_does_not_shut_down_the_supervisor()
    {
        var (_, parent) = await StartUnderParentAsync(new SupervisorFlags(intensity: 5, autoShutdown: AutoShutdown.AnySignificant),
            [Worker("key", Restart.Transient, significant: true)]);
        var child = ExpectStarts("key")[0];
        child.Tell(new Crash(), TestActor); // abnormal: a transient child is restarted
        ExpectStops("key");
        ExpectStarts("key");
        parent.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_significant_child_terminated_by_the_supervisor_does_not_count()
    {
        var (supervisor, parent) = await StartUnderParentAsync(new SupervisorFlags(autoShutdown: AutoShutdown.AnySignificant),
            [Worker("key", Restart.Transient, significant: true), Worker("other")]);
        ExpectStarts("key", "other");
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("key"));
        ExpectStops("key");
        parent.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, (await supervisor.CountChildrenAsync()).Active);
    }

    [Fact]
    public async Task Simple_one_for_one_with_all_significant_shuts_down_when_its_last_child_exits()
    {
        var (supervisor, parent) = await StartUnderParentAsync(
            new SupervisorFlags(SupervisorStrategyKind.SimpleOneForOne, autoShutdown: AutoShutdown.AllSignificant),
            [new ChildSpec("job", args => Support.Worker.Props(TestActor, (string)args[0]!), Restart.Transient, significant: true)]);
        var first = ((SupervisorResult.Started)await supervisor.StartChildAsync(["j1"])).Child;
        var second = ((SupervisorResult.Started)await supervisor.StartChildAsync(["j2"])).Child;
        ExpectStarts("j1", "j2");
        first.Tell("normal", TestActor);
        ExpectStops("j1");
        parent.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        second.Tell("normal", TestActor);
        ExpectStops("j2");
        ExpectStopped(parent, supervisor);
    }
}

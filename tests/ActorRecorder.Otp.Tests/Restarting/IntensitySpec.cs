using ActorRecorder.Otp.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Restarting;

/// <summary>The restart intensity: one window per supervisor, counted across its children; past it, everything stops and the supervisor exits.</summary>
public sealed class IntensitySpec(ITestOutputHelper output) : OtpSpec(output)
{
    [Fact]
    public async Task More_than_intensity_restarts_within_the_period_stop_everything_and_exit_with_shutdown()
    {
        var (supervisor, parent) = await StartUnderParentAsync(new SupervisorFlags(intensity: 2, period: TimeSpan.FromMinutes(1)),
            [Worker("a"), Worker("b"), Worker("c")]);
        var children = ExpectStarts("a", "b", "c");
        for (var i = 0; i < 2; i++)
        {
            children[1].Tell(new Crash(), TestActor);
            ExpectStops("b");
            ExpectStarts("b");
        }
        children[1].Tell(new Crash(), TestActor);
        ExpectStops("b", "c", "a");
        var exit = ExpectExit<MaxRestartIntensityReachedException>(parent, supervisor);
        Assert.Equal(ExitReason.Shutdown, exit.Reason);
        Assert.Equal("b", exit.ChildId);
        Assert.IsType<TestException>(exit.LastReason.Exception);
    }

    [Fact]
    public async Task The_window_counts_restarts_across_all_children()
    {
        var (supervisor, parent) = await StartUnderParentAsync(new SupervisorFlags(intensity: 2, period: TimeSpan.FromMinutes(1)),
            [Worker("a"), Worker("b"), Worker("c")]);
        var children = ExpectStarts("a", "b", "c");
        children[0].Tell(new Crash(), TestActor);
        ExpectStops("a");
        ExpectStarts("a");
        children[1].Tell(Kill.Instance, TestActor);
        ExpectStops("b");
        ExpectStarts("b");
        children[2].Tell(new Crash(), TestActor); // the third restart of the supervisor, the first of "c"
        ExpectStops("c", "b", "a");
        Assert.Equal("c", ExpectExit<MaxRestartIntensityReachedException>(parent, supervisor).ChildId);
    }

    [Fact]
    public async Task Intensity_zero_gives_up_at_the_first_restart()
    {
        var (supervisor, parent) = await StartUnderParentAsync(new SupervisorFlags(intensity: 0), [Worker("a"), Worker("b")]);
        var children = ExpectStarts("a", "b");
        children[0].Tell(new Crash(), TestActor);
        ExpectStops("a", "b");
        ExpectExit<MaxRestartIntensityReachedException>(parent, supervisor);
    }

    [Fact]
    public async Task A_restart_whose_start_fails_is_tried_again_and_counts_again()
    {
        // The first start works, the next three fail, the fifth works.
        var options = new WorkerOptions { FailStart = attempt => attempt is >= 2 and <= 4 };
        var (supervisor, parent) = await StartUnderParentAsync(new SupervisorFlags(intensity: 10, period: TimeSpan.FromMinutes(1)),
            [Worker("flaky", options: options)]);
        var child = ExpectStarts("flaky")[0];
        child.Tell(new Crash(), TestActor);
        // Akka calls PostStop of the old instance again before each new attempt: only the start matters here.
        FishForMessage<Lifecycle>(l => l.Event == "start");
        Assert.Equal(child, LastSender);
        Assert.Equal(5, options.Attempts.Value);
        parent.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(child, (await ChildAsync(supervisor, "flaky")).Child);
    }

    [Fact]
    public async Task A_restart_that_always_fails_exhausts_the_intensity()
    {
        var options = new WorkerOptions { FailStart = attempt => attempt > 1 };
        var (supervisor, parent) = await StartUnderParentAsync(new SupervisorFlags(intensity: 3, period: TimeSpan.FromMinutes(1)),
            [Worker("doomed", options: options)]);
        var child = ExpectStarts("doomed")[0];
        child.Tell(new Crash(), TestActor);
        ExpectExit<MaxRestartIntensityReachedException>(parent, supervisor);
        Assert.Equal(4, options.Attempts.Value); // the first start, then three restarts that failed; the fourth is over the limit
    }

    [Fact]
    public async Task A_permanent_child_supervisor_that_gives_up_is_restarted_by_its_parent()
    {
        var inner = Supervisor.Props(new SupervisorFlags(intensity: 0), [Worker("leaf")]);
        var outer = await Supervisor.StartAsync(Sys, "outer", new SupervisorFlags(intensity: 5),
            [new ChildSpec("inner", inner, Restart.Permanent, type: ChildType.Supervisor)]);
        var leaf = ExpectStarts("leaf")[0];
        var innerRef = (await ChildAsync(outer, "inner")).Child!;
        leaf.Tell(new Crash(), TestActor);
        ExpectStops("leaf");                   // inner gives up and stops its child…
        var newLeaf = ExpectStarts("leaf")[0]; // …outer restarts inner in place, which starts a new leaf
        Assert.NotEqual(leaf, newLeaf);
        Assert.Equal(innerRef, (await ChildAsync(outer, "inner")).Child);
        Assert.Equal(newLeaf, (await ChildAsync(innerRef, "leaf")).Child);
    }

    [Fact]
    public async Task A_transient_child_supervisor_that_gives_up_is_not_restarted()
    {
        var inner = Supervisor.Props(new SupervisorFlags(intensity: 0), [Worker("leaf")]);
        var outer = await Supervisor.StartAsync(Sys, "outer", new SupervisorFlags(intensity: 5),
            [new ChildSpec("inner", inner, Restart.Transient, type: ChildType.Supervisor)]);
        var leaf = ExpectStarts("leaf")[0];
        var innerRef = (await ChildAsync(outer, "inner")).Child!;
        Watch(innerRef);
        leaf.Tell(new Crash(), TestActor);
        ExpectStops("leaf");
        ExpectTerminated(innerRef); // its exit reason is shutdown: a transient child is not restarted
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Null((await ChildAsync(outer, "inner")).Child);
    }
}

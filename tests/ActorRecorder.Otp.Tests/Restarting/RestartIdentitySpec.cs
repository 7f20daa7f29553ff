using ActorRecorder.Otp.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Restarting;

/// <summary>In place (Akka's restart: same ref, mailbox kept) versus recreate (OTP's new incarnation: new ref, empty mailbox).</summary>
public sealed class RestartIdentitySpec(ITestOutputHelper output) : OtpSpec(output)
{
    [Fact]
    public async Task An_in_place_restart_keeps_the_ref_and_the_messages_queued_behind_the_failure()
    {
        var gate = new ManualResetEventSlim(initialState: true);
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(intensity: 5), [Worker("w", options: new WorkerOptions { StartGate = gate })]);
        var child = ExpectStarts("w")[0];
        gate.Reset(); // the next PreStart blocks, so the messages below queue up behind the crash
        child.Tell(new Crash(), TestActor);
        for (var i = 0; i < 5; i++) child.Tell($"m{i}", TestActor);
        ExpectStops("w");
        ExpectMsg(new Lifecycle("w", "start"));
        Assert.Equal(child, LastSender);
        gate.Set();
        for (var i = 0; i < 5; i++)
        {
            ExpectMsg($"m{i}");
            Assert.Equal(child, LastSender);
        }
        Assert.Equal(child, (await ChildAsync(supervisor, "w")).Child);
    }

    [Fact]
    public async Task RestartMode_Recreate_starts_a_fresh_incarnation_under_one_for_one()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(intensity: 5),
            [Worker("w", restartMode: RestartMode.Recreate), Worker("other")]);
        var children = ExpectStarts("w", "other");
        children[0].Tell(new Crash(), TestActor);
        ExpectStops("w");
        var fresh = ExpectStarts("w")[0];
        Assert.NotEqual(children[0], fresh);
        Assert.Equal(children[0].Path, fresh.Path); // the same name, a new incarnation
        Assert.Equal(fresh, (await ChildAsync(supervisor, "w")).Child);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // "other" untouched
    }

    [Fact]
    public async Task A_recreated_child_that_fails_to_start_is_tried_again()
    {
        var options = new WorkerOptions { FailStart = attempt => attempt == 2 };
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(intensity: 5),
            [Worker("w", options: options, restartMode: RestartMode.Recreate)]);
        var child = ExpectStarts("w")[0];
        child.Tell(new Crash(), TestActor);
        ExpectStops("w");
        var fresh = ExpectStarts("w")[0]; // the second attempt failed in its constructor; the third started
        Assert.NotEqual(child, fresh);
        Assert.Equal(3, options.Attempts.Value);
        var info = await ChildAsync(supervisor, "w");
        Assert.False(info.Restarting);
        Assert.Equal(fresh, info.Child);
    }

    [Fact]
    public async Task RestartMode_Recreate_starts_a_fresh_incarnation_under_simple_one_for_one()
    {
        var pool = await Supervisor.StartAsync(Sys, "pool", new SupervisorFlags(SupervisorStrategyKind.SimpleOneForOne, intensity: 5),
            [new ChildSpec("t", args => Support.Worker.Props(TestActor, (string)args[0]!), restartMode: RestartMode.Recreate)]);
        var started = (SupervisorResult.Started)await pool.StartChildAsync(["d"]);
        ExpectStarts("d");
        started.Child.Tell(Kill.Instance, TestActor);
        ExpectStops("d");
        var fresh = ExpectStarts("d")[0];
        Assert.NotEqual(started.Child, fresh);
        Assert.Equal(fresh, Assert.Single(await pool.WhichChildrenAsync()).Child);
    }

    [Fact]
    public async Task A_permanent_child_that_stops_itself_is_started_anew_under_its_name()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(intensity: 5), [Worker("w")]);
        var child = ExpectStarts("w")[0];
        child.Tell("normal", TestActor);
        ExpectStops("w");
        var fresh = ExpectStarts("w")[0];
        Assert.NotEqual(child, fresh);
        Assert.Equal("w", fresh.Path.Name);
        Assert.Equal(fresh, (await ChildAsync(supervisor, "w")).Child);
    }

    [Fact]
    public async Task A_child_started_anew_has_finished_PreStart_before_the_supervisor_answers_again()
    {
        // OTP's restart is start_link: the supervisor takes no other request until the new incarnation's init returns.
        var gate = new ManualResetEventSlim(initialState: true);
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(intensity: 5),
            [Worker("w", options: new WorkerOptions { StartGate = gate })]);
        var child = ExpectStarts("w")[0];
        gate.Reset();
        child.Tell("normal", TestActor);
        ExpectStops("w");
        ExpectStarts("w"); // the new incarnation is in PreStart, held by the gate
        var which = supervisor.WhichChildrenAsync(TimeSpan.FromSeconds(30));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.False(which.IsCompleted, "the supervisor answered while the restarted child was still in PreStart");
        gate.Set();
        Assert.NotNull(Assert.Single(await which).Child);
    }
}

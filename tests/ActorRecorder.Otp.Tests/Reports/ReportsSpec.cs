using ActorRecorder.Otp.Tests.Support;
using Akka.Event;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Reports;

/// <summary>Supervisor reports go to Akka's log with the supervisor path, the child id and the reason, within a rate limit.</summary>
public sealed class ReportsSpec(ITestOutputHelper output) : OtpSpec(output, "actor-recorder.otp.reports-per-second = 3")
{
    [Fact]
    public async Task A_crash_is_reported_with_the_supervisor_path_the_child_id_and_the_reason()
    {
        await Supervisor.StartAsync(Sys, "reporting", new SupervisorFlags(intensity: 5), [Worker("noisy")]);
        var child = ExpectStarts("noisy")[0];
        var error = await CaptureErrorAsync(() => child.Tell(new Crash("disk on fire"), TestActor));
        Assert.Contains("/user/reporting", error.Message.ToString(), StringComparison.Ordinal);
        Assert.Contains("'noisy'", error.Message.ToString(), StringComparison.Ordinal);
        Assert.Contains("disk on fire", error.Message.ToString(), StringComparison.Ordinal);
        Assert.Contains("restarting it in place", error.Message.ToString(), StringComparison.Ordinal);
        Assert.Contains("(child_terminated)", error.Message.ToString(), StringComparison.Ordinal);
        Assert.IsType<TestException>(error.Cause);
    }

    [Fact]
    public async Task Reaching_the_maximum_restart_intensity_is_reported()
    {
        await StartUnderParentAsync(new SupervisorFlags(intensity: 0), [Worker("once")]);
        var child = ExpectStarts("once")[0];
        await EventFilter.Error(contains: "(reached_max_restart_intensity)").ExpectOneAsync(() =>
        {
            child.Tell(new Crash(), TestActor);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Normal_exits_of_transient_children_are_not_reported_as_errors()
    {
        await Supervisor.StartAsync(Sys, "quiet", new SupervisorFlags(), [Worker("t", Restart.Transient), Worker("s", Restart.Transient)]);
        var children = ExpectStarts("t", "s");
        await EventFilter.Error().ExpectAsync(0, async () =>
        {
            children[0].Tell("normal", TestActor);
            children[1].Tell("shutdown", TestActor);
            ExpectMsgAllOf([new Lifecycle("t", "stop"), new Lifecycle("s", "stop")]);
            await Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_crash_loop_cannot_flood_the_log()
    {
        await Supervisor.StartAsync(Sys, "loop", new SupervisorFlags(intensity: 1000, period: TimeSpan.FromMinutes(1)), [Worker("loop")]);
        var child = ExpectStarts("loop")[0];
        var errors = CreateTestProbe();
        Sys.EventStream.Subscribe(errors.Ref, typeof(Error));
        for (var i = 0; i < 50; i++) child.Tell(new Crash(), TestActor);
        child.Tell("ping", TestActor);
        FishForMessage<string>(s => s == "pong");
        Sys.EventStream.Unsubscribe(errors.Ref);
        var count = 0;
        while (errors.HasMessages)
        {
            errors.ReceiveOne(TimeSpan.Zero);
            count++;
        }
        // 50 restarts in a second or two; the limit of 3 a second lets only a few reports through.
        Assert.InRange(count, 1, 12);
    }

    private async Task<Error> CaptureErrorAsync(Action action)
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(Error));
        action();
        var error = await probe.ExpectMsgAsync<Error>(e => e.LogSource.Contains("reporting", StringComparison.Ordinal));
        Sys.EventStream.Unsubscribe(probe.Ref);
        return error;
    }
}

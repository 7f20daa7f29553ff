namespace ActorRecorder.Actors.Tests.Supervision.Otp;

using ActorRecorder.Actors.Supervision;
using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;
using static ActorRecorder.Actors.Tests.Supervision.Otp.OtpKit;

public sealed class OtpReportsSpec(ITestOutputHelper output)
    : TestKit(ActorSystemSettings.Default with { LogFailuresPerSecond = 3 }, output)
{
    [Fact]
    public async Task A_crash_is_reported_with_the_supervisor_path_the_child_id_and_the_reason()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "reporting", new SupervisorFlags(intensity: 5), [Worker(this, "noisy")]);
        var child = this.ExpectStarts("noisy")[0];
        await EventFilter.Error(contains: "'noisy'").ExpectOneAsync(() =>
        {
            child.Tell(new Crash("disk on fire"), TestActor);
            return Task.CompletedTask;
        });
        var entry = await CaptureErrorAsync(() => child.Tell(new Crash("disk on fire"), TestActor));
        Assert.Contains("/user/reporting", entry.Message, StringComparison.Ordinal);
        Assert.Contains("disk on fire", entry.Message, StringComparison.Ordinal);
        Assert.IsType<TestException>(entry.Cause);
        Assert.NotNull(supervisor);
    }

    [Fact]
    public async Task Reaching_the_maximum_restart_intensity_is_reported()
    {
        var (supervisor, _) = await this.StartUnderStopperAsync(new SupervisorFlags(intensity: 0), [Worker(this, "once")]);
        var child = this.ExpectStarts("once")[0];
        await EventFilter.Error(contains: "maximum restart intensity").ExpectOneAsync(() =>
        {
            child.Tell(new Crash(), TestActor);
            return Task.CompletedTask;
        });
        Assert.NotNull(supervisor);
    }

    [Fact]
    public async Task Normal_exits_are_not_reported_as_errors()
    {
        await Supervisor.StartAsync(Sys, "quiet", new SupervisorFlags(), [Worker(this, "t", Restart.Transient)]);
        var child = this.ExpectStarts("t")[0];
        await EventFilter.Error().ExpectAsync(0, () =>
        {
            child.Tell("normal", TestActor);
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(300));
        this.ExpectStops("t");
    }

    [Fact]
    public async Task A_crash_loop_cannot_flood_the_log()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "loop", new SupervisorFlags(intensity: 1000, period: TimeSpan.FromMinutes(1)), [Worker(this, "loop")]);
        var child = this.ExpectStarts("loop")[0];
        var errors = 0;
        using (Sys.EventStream.Subscribe<LogEvent>(e =>
               {
                   if (e.Level == Microsoft.Extensions.Logging.LogLevel.Error) Interlocked.Increment(ref errors);
               }))
        {
            for (var i = 0; i < 50; i++) child.Tell(new Crash(), TestActor);
            child.Tell("ping", TestActor);
            await FishForMessageAsync<string>(s => s == "pong", TimeSpan.FromSeconds(10));
        }
        // 50 crashes within a second or two: the limit (3 per second) lets only a few through.
        Assert.InRange(Volatile.Read(ref errors), 1, 12);
        Assert.NotNull(supervisor);
    }

    private async Task<LogEvent> CaptureErrorAsync(Action action)
    {
        var captured = new TaskCompletionSource<LogEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (Sys.EventStream.Subscribe<LogEvent>(e =>
               {
                   if (e.Level == Microsoft.Extensions.Logging.LogLevel.Error) captured.TrySetResult(e);
               }))
        {
            action();
            return await captured.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }
}

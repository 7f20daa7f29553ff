using ActorRecorder.Otp.Tests.Support;
using ActorRecorder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Restarting;

/// <summary>The sliding window, on a clock the spec moves by hand (given to the system through <see cref="OtpSetup"/>).</summary>
public sealed class RestartWindowSpec : OtpSpec
{
    private readonly ManualTimeProvider _clock;

    public RestartWindowSpec(ITestOutputHelper output) : this(new ManualTimeProvider(), output)
    {
    }

    private RestartWindowSpec(ManualTimeProvider clock, ITestOutputHelper output) : base(output, new OtpSetup(clock)) => _clock = clock;

    [Fact]
    public async Task Restarts_spread_outside_the_period_do_not_count()
    {
        var (supervisor, parent) = await StartUnderParentAsync(new SupervisorFlags(intensity: 1, period: TimeSpan.FromSeconds(5)), [Worker("w")]);
        var child = ExpectStarts("w")[0];
        for (var i = 0; i < 5; i++)
        {
            child.Tell(new Crash(), TestActor);
            ExpectStops("w");
            ExpectStarts("w");
            _clock.Advance(TimeSpan.FromSeconds(6)); // never two restarts within 5 s
        }
        parent.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(child, (await supervisor.WhichChildrenAsync())[0].Child);
    }

    [Fact]
    public async Task The_same_restarts_within_the_period_stop_the_supervisor()
    {
        var (supervisor, parent) = await StartUnderParentAsync(new SupervisorFlags(intensity: 1, period: TimeSpan.FromSeconds(5)), [Worker("w")]);
        var child = ExpectStarts("w")[0];
        child.Tell(new Crash(), TestActor);
        ExpectStops("w");
        ExpectStarts("w");
        _clock.Advance(TimeSpan.FromSeconds(4));
        child.Tell(new Crash(), TestActor);
        ExpectStops("w");
        ExpectExit<MaxRestartIntensityReachedException>(parent, supervisor);
    }

    [Fact]
    public async Task A_restart_exactly_one_period_old_still_counts_as_in_OTP()
    {
        var (supervisor, parent) = await StartUnderParentAsync(new SupervisorFlags(intensity: 1, period: TimeSpan.FromSeconds(5)), [Worker("w")]);
        var child = ExpectStarts("w")[0];
        child.Tell(new Crash(), TestActor);
        ExpectStops("w");
        ExpectStarts("w");
        _clock.Advance(TimeSpan.FromSeconds(5));
        child.Tell(new Crash(), TestActor);
        ExpectStops("w");
        ExpectExit<MaxRestartIntensityReachedException>(parent, supervisor);
    }
}

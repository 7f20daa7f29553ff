using ActorRecorder.Otp.Conformance.Comparison;
using ActorRecorder.Otp.Conformance.Scenarios;
using Xunit;

namespace ActorRecorder.Otp.Conformance;

/// <summary>The comparison can fail: a supervisor that does something else than OTP's is caught, and shown where.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class ComparisonSpecs(ConformanceDrivers drivers)
{
    private static readonly Scenario OneForAll = new(SupervisorStrategyKind.OneForAll, 3, AutoShutdown.Never,
        [new ChildDef("c1", Restart.Permanent, 5000), new ChildDef("c2", Restart.Permanent, 5000)],
        [],
        [new ChildExitStep(ChildExitKind.Crash, "c1")]);

    /// <summary>OTP runs one_for_all, ours one_for_one: the restart of c2 that only OTP does is the difference.</summary>
    [Fact]
    public async Task A_different_strategy_on_our_side_is_reported_at_the_first_different_event()
    {
        var otp = await drivers.Otp.RunAsync(OneForAll);
        var ours = await drivers.Ours.RunAsync(OneForAll with { Strategy = SupervisorStrategyKind.OneForOne });

        var difference = TraceComparison.Difference(OneForAll, otp, ours);

        Assert.NotNull(difference);
        Assert.Contains("differ at line 5", difference, StringComparison.Ordinal);
        Assert.Contains("stop c2 1", difference, StringComparison.Ordinal);
    }

    /// <summary>The same scenario on both sides agrees, and its trace holds every start and stop in order.</summary>
    [Fact]
    public async Task The_same_scenario_agrees_and_its_trace_shows_the_group_restart_in_OTP_order()
    {
        var otp = await drivers.Otp.RunAsync(OneForAll);
        var ours = await drivers.Ours.RunAsync(OneForAll);

        Assert.Null(TraceComparison.Difference(OneForAll, otp, ours));
        Assert.Equal(
            ["start c1 1", "start c2 1", "step 1 crash c1", "stop c1 1", "stop c2 1", "start c1 2", "start c2 2", "step 2 end", "stop c2 2", "stop c1 2", "exit shutdown"],
            ours);
    }

    /// <summary>The listed deviations are normalised on both sides, and nothing else is.</summary>
    [Fact]
    public void Only_the_listed_deviations_are_normalised()
    {
        var simple = OneForAll with { Strategy = SupervisorStrategyKind.SimpleOneForOne };

        Assert.Equal(["which c2:c2#1:worker c1:c1#1:worker"], TraceComparison.Normalise(OneForAll, ["which c1:c1#1:worker c2:c2#1:worker"], fromOtp: true));
        Assert.Equal(["which c1:c1#1:worker c2:c2#1:worker"], TraceComparison.Normalise(OneForAll, ["which c1:c1#1:worker c2:c2#1:worker"], fromOtp: false));
        Assert.Equal(["stop s1 1", "stop s2 1", "exit shutdown"], TraceComparison.Normalise(simple, ["stop s2 1", "stop s1 1", "exit shutdown"], fromOtp: true));
        Assert.Equal(["stop c2 1", "stop c1 1"], TraceComparison.Normalise(OneForAll, ["stop c2 1", "stop c1 1"], fromOtp: true));
    }
}

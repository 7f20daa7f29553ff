using Xunit;

namespace ActorRecorder.Otp.Conformance;

/// <summary>The regression set (<see cref="RegressionScenarios"/>) on OTP's supervisor and on ours.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class RegressionSpecs(ConformanceDrivers drivers)
{
    /// <summary>Each regression scenario's traces agree.</summary>
    [Theory]
    [MemberData(nameof(RegressionScenarios.Names), MemberType = typeof(RegressionScenarios))]
    public async Task Regression_scenario_does_on_our_supervisor_what_it_does_on_OTP(string name)
    {
        var scenario = RegressionScenarios.All[name];
        var difference = await drivers.DifferenceAsync(scenario);
        Assert.True(difference is null, $"{name}:{scenario}\n{difference}");
    }
}

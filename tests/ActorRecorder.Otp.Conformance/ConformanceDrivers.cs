using ActorRecorder.Otp.Conformance.Comparison;
using Xunit;
using ActorRecorder.Otp.Conformance.Drivers;
using ActorRecorder.Otp.Conformance.Scenarios;

namespace ActorRecorder.Otp.Conformance;

/// <summary>Both drivers, started once for all the conformance specs: one BEAM and one actor system.</summary>
public sealed class ConformanceDrivers : IAsyncLifetime
{
    /// <summary>OTP's side.</summary>
    public ErlangDriver Otp { get; private set; } = null!;

    /// <summary>Our side.</summary>
    public AkkaDriver Ours { get; private set; } = null!;

    /// <summary>Runs <paramref name="scenario"/> on both and returns the difference, or null when they agree.</summary>
    public async Task<string?> DifferenceAsync(Scenario scenario) => (await CompareAsync(scenario)).Difference;

    /// <summary>Runs <paramref name="scenario"/> on both: OTP's trace and the difference, null when they agree.</summary>
    public async Task<(IReadOnlyList<string> Otp, string? Difference)> CompareAsync(Scenario scenario)
    {
        var otp = await Otp.RunAsync(scenario);
        var ours = await Ours.RunAsync(scenario);
        return (otp, TraceComparison.Difference(scenario, otp, ours));
    }

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        Otp = ErlangDriver.Start();
        Ours = new AkkaDriver(Environment.GetEnvironmentVariable("ACTORRECORDER_CONFORMANCE_AKKA_CONFIG"));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Otp?.Dispose();
        if (Ours is not null) await Ours.DisposeAsync();
    }
}

/// <summary>The xunit collection that shares <see cref="ConformanceDrivers"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<ConformanceDrivers>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "OTP conformance";
}

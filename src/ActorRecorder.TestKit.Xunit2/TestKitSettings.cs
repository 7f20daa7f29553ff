using System.Globalization;

namespace ActorRecorder.TestKit.Xunit2;

/// <summary>
/// Timing of the TestKit. Every default timeout is multiplied by the time factor read from the
/// environment variable <c>ACTORRECORDER_TEST_TIMEFACTOR</c> (e.g. 3 on a slow CI machine).
/// </summary>
public sealed record TestKitSettings
{
    /// <summary>The environment variable holding the time factor.</summary>
    public const string TimeFactorVariable = "ACTORRECORDER_TEST_TIMEFACTOR";

    /// <summary>Settings read from the environment.</summary>
    public static TestKitSettings FromEnvironment()
    {
        var raw = Environment.GetEnvironmentVariable(TimeFactorVariable);
        if (string.IsNullOrWhiteSpace(raw)) return new TestKitSettings();
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor <= 0 || double.IsInfinity(factor))
            throw new InvalidOperationException($"Environment variable {TimeFactorVariable} = '{raw}' is not a positive number (e.g. 1, 2.5).");
        return new TestKitSettings { TimeFactor = factor };
    }

    /// <summary>The multiplier of every timeout. Default 1.</summary>
    public double TimeFactor { get; init; } = 1;

    /// <summary>The timeout of a single expectation before dilation. Default 3 s.</summary>
    public TimeSpan SingleExpectDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long <c>ExpectNoMsg()</c> without a duration waits, before dilation. Default 300 ms.</summary>
    public TimeSpan ExpectNoMessageDefault { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long disposing the kit waits for the system to terminate, before dilation. Default 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><paramref name="duration"/> multiplied by the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));
}

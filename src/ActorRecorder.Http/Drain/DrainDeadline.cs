using System.Diagnostics;

namespace ActorRecorder.Http;

/// <summary>
/// When a drain ends: a monotonic instant (<see cref="Stopwatch"/> ticks, immune to clock changes, for waiting) and the
/// same instant as UTC wall-clock time (for logs and telemetry). roadrunner passes its handlers a monotonic deadline too.
/// </summary>
/// <param name="Timestamp">The deadline in <see cref="Stopwatch.GetTimestamp"/> ticks.</param>
/// <param name="Utc">The deadline as UTC wall-clock time.</param>
public readonly record struct DrainDeadline(long Timestamp, DateTimeOffset Utc)
{
    /// <summary>The deadline <paramref name="timeout"/> from now.</summary>
    public static DrainDeadline After(TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A drain deadline cannot be in the past.");
        return new(Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency), DateTimeOffset.UtcNow + timeout);
    }

    /// <summary>The deadline at wall-clock time <paramref name="utc"/> (now, if that has passed).</summary>
    public static DrainDeadline At(DateTimeOffset utc)
    {
        var left = utc - DateTimeOffset.UtcNow;
        return After(left < TimeSpan.Zero ? TimeSpan.Zero : left);
    }

    /// <summary>The time left until the deadline; zero once it has passed.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var ticks = Timestamp - Stopwatch.GetTimestamp();
            return ticks <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)ticks / Stopwatch.Frequency);
        }
    }

    /// <summary>Whether the deadline has passed.</summary>
    public bool HasPassed => Stopwatch.GetTimestamp() >= Timestamp;
}

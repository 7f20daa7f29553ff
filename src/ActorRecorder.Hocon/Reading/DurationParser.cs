using System.Globalization;

namespace ActorRecorder.Hocon.Reading;

/// <summary>
/// Reads durations per the spec's duration format (bare numbers are milliseconds; units are
/// lowercase: ns, us, ms, s, m, h, d and their long forms), plus Akka's <c>infinite</c>.
/// </summary>
internal static class DurationParser
{
    /// <summary>Returns an explanation of what is wrong, or null on success.</summary>
    public static string? TryRead(HoconValue value, out TimeSpan duration)
    {
        duration = default;
        switch (value)
        {
            case HoconNumber number:
                return decimal.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
                    ? ToTimeSpan(milliseconds, TimeSpan.TicksPerMillisecond, out duration)
                    : "the number is out of range";
            case HoconString text:
                if (text.Value.AsSpan().Trim().Equals("infinite", StringComparison.OrdinalIgnoreCase))
                {
                    duration = Timeout.InfiniteTimeSpan;
                    return null;
                }

                var problem = UnitAmount.TrySplit(text.Value, out var amount, out var unit);
                if (problem is not null)
                {
                    return problem;
                }

                var ticksPerUnit = TicksPerUnit(unit);
                return ticksPerUnit is null
                    ? $"'{unit}' is not a duration unit (use ns, us, ms, s, m, h or d, or their long forms)"
                    : ToTimeSpan(amount, ticksPerUnit.Value, out duration);
            default:
                return "it is not a number or a string";
        }
    }

    private static decimal? TicksPerUnit(string unit) => unit switch
    {
        "ns" or "nano" or "nanos" or "nanosecond" or "nanoseconds" => 0.01m,
        "us" or "micro" or "micros" or "microsecond" or "microseconds" => 10m,
        "" or "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => TimeSpan.TicksPerMillisecond,
        "s" or "second" or "seconds" => TimeSpan.TicksPerSecond,
        "m" or "minute" or "minutes" => TimeSpan.TicksPerMinute,
        "h" or "hour" or "hours" => TimeSpan.TicksPerHour,
        "d" or "day" or "days" => TimeSpan.TicksPerDay,
        _ => null,
    };

    private static string? ToTimeSpan(decimal amount, decimal ticksPerUnit, out TimeSpan duration)
    {
        duration = default;
        if (ticksPerUnit > 1 && Math.Abs(amount) > decimal.MaxValue / ticksPerUnit)
        {
            return "it is too large for a TimeSpan";
        }

        // TimeSpan counts 100 ns ticks; finer amounts are truncated toward zero.
        var ticks = decimal.Truncate(amount * ticksPerUnit);
        if (ticks > long.MaxValue || ticks < long.MinValue)
        {
            return "it is too large for a TimeSpan";
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return null;
    }
}

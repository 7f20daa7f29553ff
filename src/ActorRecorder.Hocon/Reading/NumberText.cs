using System.Globalization;

namespace ActorRecorder.Hocon.Reading;

/// <summary>Reads numbers written inside strings (the spec's string-to-number conversion).</summary>
internal static class NumberText
{
    public static bool TryParseLong(string text, out long value)
        => long.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a finite floating-point number; NaN and infinities are not JSON numbers.</summary>
    public static bool TryParseDouble(string text, out double value)
    {
        var span = text.AsSpan().Trim();
        if (span.Length == 0 || !(char.IsAsciiDigit(span[^1]) || span[^1] == '.'))
        {
            value = 0;
            return false;
        }

        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Converts a double to a long when it is a whole number within range.</summary>
    public static bool TryWholeNumber(double value, out long whole)
    {
        // 2^63 is exactly representable as a double, so the upper bound must be exclusive.
        if (double.IsFinite(value) && Math.Floor(value) == value && value >= -9.2233720368547758E18 && value < 9.2233720368547758E18)
        {
            whole = (long)value;
            return true;
        }

        whole = 0;
        return false;
    }
}

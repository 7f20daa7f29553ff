using System.Globalization;

namespace ActorRecorder.Hocon;

/// <summary>
/// A number value. Keeps the text it was written with, because HOCON renders numbers in value
/// concatenations and path expressions exactly as written.
/// </summary>
internal sealed class HoconNumber : HoconValue
{
    /// <summary>Creates a number from JSON number text the lexer has already validated.</summary>
    internal HoconNumber(string text)
    {
        Text = text;
        if (text.AsSpan().IndexOfAny('.', 'e', 'E') < 0
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integral))
        {
            IsIntegral = true;
            LongValue = integral;
            DoubleValue = integral;
        }
        else
        {
            // Integers too large for 64 bits fall back to floating point, as JSON readers do.
            DoubleValue = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The number exactly as written in the source.</summary>
    public string Text { get; }

    /// <summary>True when the number was written as an integer that fits in 64 bits.</summary>
    public bool IsIntegral { get; }

    /// <summary>The value as a 64-bit integer; meaningful only when <see cref="IsIntegral"/> is true.</summary>
    public long LongValue { get; }

    /// <summary>The value as a double (always available).</summary>
    public double DoubleValue { get; }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Number;

    /// <inheritdoc />
    internal override bool IsResolved => true;
}

using System.Globalization;
using ActorRecorder.Hocon.Parsing;

namespace ActorRecorder.Hocon.Reading;

/// <summary>
/// Splits a units-format string (spec: optional whitespace, a number, optional whitespace, an
/// optional unit made of letters, optional whitespace) into its number and unit.
/// </summary>
internal static class UnitAmount
{
    /// <summary>Returns an explanation of what is wrong, or null on success.</summary>
    public static string? TrySplit(string text, out decimal amount, out string unit)
    {
        amount = 0;
        unit = string.Empty;
        var span = TrimWhitespace(text.AsSpan());
        var end = 0;
        while (end < span.Length)
        {
            var c = span[end];
            if (char.IsAsciiDigit(c) || c is '.' || ((c is '+' or '-') && (end == 0 || span[end - 1] is 'e' or 'E')))
            {
                end++;
                continue;
            }

            // An 'e' is an exponent only when digits follow; otherwise it starts a unit (as in 1e for exbibytes).
            if (c is 'e' or 'E' && end > 0 && end + 1 < span.Length
                && (char.IsAsciiDigit(span[end + 1]) || (span[end + 1] is '+' or '-' && end + 2 < span.Length && char.IsAsciiDigit(span[end + 2]))))
            {
                end++;
                continue;
            }

            break;
        }

        if (end == 0)
        {
            return "it does not start with a number";
        }

        var unitSpan = TrimWhitespace(span[end..]);
        foreach (var c in unitSpan)
        {
            if (!char.IsLetter(c))
            {
                return $"'{unitSpan.ToString()}' is not a unit name (units are made of letters)";
            }
        }

        if (!decimal.TryParse(span[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out amount))
        {
            return $"'{span[..end].ToString()}' is not a number in range";
        }

        unit = unitSpan.ToString();
        return null;
    }

    private static ReadOnlySpan<char> TrimWhitespace(ReadOnlySpan<char> span)
    {
        var start = 0;
        var end = span.Length;
        while (start < end && CharacterClasses.IsWhitespace(span[start]))
        {
            start++;
        }

        while (end > start && CharacterClasses.IsWhitespace(span[end - 1]))
        {
            end--;
        }

        return span[start..end];
    }
}

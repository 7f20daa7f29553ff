using System.Text;
using ActorRecorder.Hocon.Reading;

namespace ActorRecorder.Hocon.Concatenation;

/// <summary>
/// Joins the parts of a value concatenation once they are all known: simple values become one
/// string (keeping the whitespace written between them), arrays are appended, objects merged.
/// </summary>
internal static class ValueConcatenation
{
    /// <summary>
    /// Joins <paramref name="parts"/>. Separating whitespace at either end is dropped. Returns
    /// false with a reason when the parts mix kinds that cannot be joined. The result is null
    /// when nothing but whitespace is left.
    /// </summary>
    /// <param name="parts">Known values and separating whitespace, in written order.</param>
    /// <param name="mergeOver">How to merge a later object over an earlier one.</param>
    /// <param name="result">The joined value.</param>
    /// <param name="error">Why the parts cannot be joined.</param>
    public static bool TryJoin(
        IReadOnlyList<HoconValue> parts,
        Func<HoconValue, HoconValue, HoconValue> mergeOver,
        out HoconValue? result,
        out string? error)
    {
        error = null;
        result = null;
        var first = 0;
        var last = parts.Count - 1;
        while (first <= last && IsSeparator(parts[first]))
        {
            first++;
        }

        while (last >= first && IsSeparator(parts[last]))
        {
            last--;
        }

        if (first > last)
        {
            return true;
        }

        if (first == last)
        {
            result = parts[first];
            return true;
        }

        HoconValue? firstSimple = null;
        HoconValue? firstObject = null;
        HoconValue? firstArray = null;
        for (var i = first; i <= last; i++)
        {
            switch (parts[i])
            {
                case HoconString text when text.IsSeparatingWhitespace:
                    break;
                case HoconObject:
                    firstObject ??= parts[i];
                    break;
                case HoconArray:
                    firstArray ??= parts[i];
                    break;
                default:
                    firstSimple ??= parts[i];
                    break;
            }
        }

        if (firstObject is null && firstArray is null)
        {
            result = JoinText(parts, first, last);
            return true;
        }

        if (firstSimple is not null)
        {
            error = $"cannot concatenate {Describe(firstObject ?? firstArray!)} with {Describe(firstSimple)}";
            return false;
        }

        if (firstArray is not null)
        {
            return TryJoinArrays(parts, first, last, out result, out error);
        }

        HoconValue? merged = null;
        for (var i = first; i <= last; i++)
        {
            if (parts[i] is HoconObject part)
            {
                merged = merged is null ? part : mergeOver(part, merged);
            }
        }

        result = merged;
        return true;
    }

    /// <summary>The text a simple value contributes to a string concatenation.</summary>
    public static string TextOf(HoconValue value) => value switch
    {
        HoconString text => text.Value,
        HoconNumber number => number.Text,
        HoconBoolean boolean => boolean.Value ? "true" : "false",
        _ => "null",
    };

    private static bool IsSeparator(HoconValue value) => value is HoconString { IsSeparatingWhitespace: true };

    private static HoconString JoinText(IReadOnlyList<HoconValue> parts, int first, int last)
    {
        var builder = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            builder.Append(TextOf(parts[i]));
        }

        return new HoconString(builder.ToString());
    }

    private static bool TryJoinArrays(IReadOnlyList<HoconValue> parts, int first, int last, out HoconValue? result, out string? error)
    {
        var elements = new List<HoconValue>();
        for (var i = first; i <= last; i++)
        {
            switch (parts[i])
            {
                case HoconArray array:
                    elements.AddRange(array.AsSpan());
                    break;
                case HoconObject obj:
                    // Where a list is expected, an object with integer keys counts as one.
                    var converted = NumericIndexConversion.TryConvert(obj);
                    if (converted is null)
                    {
                        result = null;
                        error = "cannot concatenate an array with an object";
                        return false;
                    }

                    elements.AddRange(converted.AsSpan());
                    break;
            }
        }

        result = new HoconArray([.. elements]);
        error = null;
        return true;
    }

    private static string Describe(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "an array",
        HoconString => "a string",
        HoconNumber => "a number",
        HoconBoolean => "a boolean",
        _ => "null",
    };
}

using System.Globalization;

namespace ActorRecorder.Hocon.Reading;

/// <summary>
/// Treats an object whose keys are integers (<c>{ "0": a, "1": b }</c>, typical of properties
/// files) as an array, as the spec asks when a list is expected and an object is found.
/// </summary>
internal static class NumericIndexConversion
{
    /// <summary>
    /// Returns the values of the integer keys ordered by key, ignoring other keys, or null when
    /// the object has no integer keys at all.
    /// </summary>
    public static HoconArray? TryConvert(HoconObject source)
    {
        List<(int Index, string Key, HoconValue Value)>? indexed = null;
        foreach (var field in source)
        {
            if (field.Key.Length > 0
                && int.TryParse(field.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                (indexed ??= []).Add((index, field.Key, field.Value));
            }
        }

        if (indexed is null)
        {
            return null;
        }

        // Keys such as "1" and "01" name the same index; ordering by text too keeps the result stable.
        indexed.Sort(static (left, right) =>
        {
            var byIndex = left.Index.CompareTo(right.Index);
            return byIndex != 0 ? byIndex : string.CompareOrdinal(left.Key, right.Key);
        });
        var elements = new HoconValue[indexed.Count];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = indexed[i].Value;
        }

        return new HoconArray(elements);
    }
}

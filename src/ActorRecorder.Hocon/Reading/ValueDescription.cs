using ActorRecorder.Hocon.Rendering;

namespace ActorRecorder.Hocon.Reading;

/// <summary>Short, human-readable descriptions of values for error messages.</summary>
internal static class ValueDescription
{
    private const int Limit = 60;

    public static string Describe(HoconValue value) => value switch
    {
        HoconObject obj => obj.Count == 0 ? "an empty object" : $"an object with keys [{Shorten(string.Join(", ", obj.Keys))}]",
        HoconArray array => $"a list of {array.Count} value{(array.Count == 1 ? string.Empty : "s")}",
        HoconString text => "string " + Shorten(HoconRenderer.RenderValue(text)),
        HoconNumber number => "number " + number.Text,
        HoconBoolean boolean => boolean.Value ? "boolean true" : "boolean false",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= Limit ? text : string.Concat(text.AsSpan(0, Limit), "...");
}

using System.Globalization;
using ActorRecorder.Recording;
using Newtonsoft.Json;

namespace ActorRecorder.Server.Replay;

/// <summary>A frame as the replay report shows it: text as a JSON string literal, binary as Base64, long ones cut.</summary>
internal static class FrameDisplay
{
    /// <summary>Longer values are cut here: a report is read by people, and the first difference is named anyway.</summary>
    private const int MaxCharacters = 500;

    public static string Of(Frame frame) => frame.Type == FrameType.Text
        ? "text " + Cut(JsonConvert.ToString(frame.TextData))
        : $"binary, {frame.Payload.Length.ToString(CultureInfo.InvariantCulture)} bytes: " + Cut(Convert.ToBase64String(frame.Payload.Span));

    /// <summary>The 0-based index of the first character where two texts differ; null when one is not text or they are equal.</summary>
    public static int? FirstDifference(Frame expected, Frame actual)
    {
        if (expected.Type != FrameType.Text || actual.Type != FrameType.Text) return null;
        var (e, a) = (expected.TextData!, actual.TextData!);
        var common = e.AsSpan().CommonPrefixLength(a);
        return common == e.Length && common == a.Length ? null : common;
    }

    private static string Cut(string text) => text.Length <= MaxCharacters
        ? text
        : string.Concat(text.AsSpan(0, MaxCharacters), $"… ({text.Length.ToString(CultureInfo.InvariantCulture)} characters in all)");
}

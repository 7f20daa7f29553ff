using ActorRecorder.Recording;
using Newtonsoft.Json.Linq;

namespace ActorRecorder.Server.Replay;

/// <summary>
/// Whether an answer is the recorded one: the same type, and the same bytes or text exactly. With <c>--ignore</c>,
/// two texts that are both JSON are compared as JSON values once the ignored paths are removed from both.
/// </summary>
internal sealed class AnswerComparer(IgnoredPaths ignored)
{
    public bool Same(Frame expected, Frame actual)
    {
        if (expected.Type != actual.Type) return false;
        if (expected.Type != FrameType.Text) return expected.Payload.Span.SequenceEqual(actual.Payload.Span);
        var (e, a) = (expected.TextData!, actual.TextData!);
        if (string.Equals(e, a, StringComparison.Ordinal)) return true;
        return ignored.Any && ignored.TryStrip(e, out var expectedJson) && ignored.TryStrip(a, out var actualJson)
            && JToken.DeepEquals(expectedJson, actualJson);
    }

    /// <summary>Pairs the answers by position and returns those that differ, missing and unexpected ones included.</summary>
    public IReadOnlyList<Difference> Compare(IReadOnlyList<ExpectedAnswer> expected, IReadOnlyList<Frame> actual)
    {
        var differences = new List<Difference>();
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : null;
            Frame? a = i < actual.Count ? actual[i] : null;
            if (e is not null && a is { } answer && Same(e.Content, answer)) continue;
            differences.Add(new Difference(i + 1, e, a));
        }
        return differences;
    }
}

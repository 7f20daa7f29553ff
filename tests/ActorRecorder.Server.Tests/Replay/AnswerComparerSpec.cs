using ActorRecorder.Recording;
using ActorRecorder.Server.Recordings;
using ActorRecorder.Server.Replay;
using Xunit;

namespace ActorRecorder.Server.Tests.Replay;

/// <summary>How answers are paired, compared and reported, without a server.</summary>
public sealed class AnswerComparerSpec
{
    private static readonly AnswerComparer Exact = new(new IgnoredPaths([]));

    [Fact]
    public void Texts_and_bytes_are_compared_exactly_and_types_must_match()
    {
        Assert.True(Exact.Same(Frame.Text("a"), Frame.Text("a")));
        Assert.False(Exact.Same(Frame.Text("""{"a":1}"""), Frame.Text("""{ "a": 1 }"""))); // no --ignore: the text as it is
        Assert.True(Exact.Same(Frame.Binary(new byte[] { 1, 2 }), Frame.Binary(new byte[] { 1, 2 })));
        Assert.False(Exact.Same(Frame.Binary(new byte[] { 1, 2 }), Frame.Binary(new byte[] { 1, 3 })));
        Assert.False(Exact.Same(Frame.Text("AQI="), Frame.Binary(new byte[] { 1, 2 })));
    }

    [Fact]
    public void Ignored_paths_are_removed_from_both_json_values_wherever_they_match()
    {
        var comparer = new AnswerComparer(new IgnoredPaths(["$..ts", "$.items[0]"]));

        Assert.True(comparer.Same(
            Frame.Text("""{"ts":"2026-01-01T00:00:00Z","items":["x","y"],"nested":{"ts":1,"v":2}}"""),
            Frame.Text("""{ "items": ["z", "y"], "nested": {"v": 2, "ts": 9}, "ts": "2027-02-02T00:00:00Z" }""")));
        Assert.False(comparer.Same(Frame.Text("""{"ts":1,"v":2}"""), Frame.Text("""{"ts":1,"v":3}""")));
        // Only when both are JSON: a text that is not falls back to exact comparison.
        Assert.False(comparer.Same(Frame.Text("""{"ts":1}"""), Frame.Text("ts: 1")));
        Assert.True(new AnswerComparer(new IgnoredPaths(["$"])).Same(Frame.Text("[1]"), Frame.Text("{}")));
    }

    [Fact]
    public void Invalid_json_paths_are_named_before_anything_runs()
    {
        Assert.Null(IgnoredPaths.Check("$.a[*].b"));
        Assert.NotNull(IgnoredPaths.Check("$["));
    }

    [Fact]
    public async Task Missing_and_unrecorded_answers_are_differences_with_nothing_on_one_side()
    {
        ExpectedAnswer[] expected = [new(1, 2, 3, Frame.Text("a")), new(2, 4, 5, Frame.Text("b"))];

        var missing = Exact.Compare(expected, [Frame.Text("a")]);
        var extra = Exact.Compare(expected, [Frame.Text("a"), Frame.Text("b"), Frame.Binary(new byte[] { 0xFF })]);

        var gone = Assert.Single(missing);
        Assert.Equal((2, expected[1], (Frame?)null), (gone.Number, gone.Expected, gone.Actual));
        var more = Assert.Single(extra);
        Assert.Equal((3, (ExpectedAnswer?)null), (more.Number, more.Expected));

        using var report = new StringWriter();
        var settings = new ReplaySettings(new Uri("ws://127.0.0.1:1/ws"), false, [], RecordedBy.Server, TimeSpan.FromSeconds(5));
        await ReplayReport.WriteAsync(report, "s.jsonl", settings, new ReplayScript(2, expected), new ReplayOutcome(2, [Frame.Text("a"), Frame.Text("b"), Frame.Binary(new byte[] { 0xFF })], null, null, null), extra);
        Assert.Contains("Answer 3 was not recorded:\n  expected: nothing (the recording has no such answer)\n  actual:   binary, 1 bytes: /w==",
            report.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("1 of 3 answers differ.", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_values_are_cut_in_the_report_and_the_first_difference_is_named()
    {
        var expected = Frame.Text(new string('a', 600) + "b");
        var actual = Frame.Text(new string('a', 600) + "c");

        Assert.EndsWith("… (603 characters in all)", FrameDisplay.Of(expected), StringComparison.Ordinal);
        Assert.Equal(600, FrameDisplay.FirstDifference(expected, actual));
        Assert.Null(FrameDisplay.FirstDifference(expected, expected));
    }
}

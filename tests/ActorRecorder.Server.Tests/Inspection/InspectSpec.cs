using ActorRecorder.Recording;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Server.Tests.Inspection;

/// <summary><c>inspect</c> on a session a listener recorded, and on files with malformed lines.</summary>
public sealed class InspectSpec(ITestOutputHelper output) : ServerSpec(output)
{
    [Fact]
    public async Task Inspect_sums_up_a_recorded_session_counts_directions_types_timestamps_and_the_largest_frame()
    {
        var (_, file) = await RecordEchoSessionAsync();
        var entries = await ReadAsync(file);

        var run = await CliRunner.RunAsync("inspect", file);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Matches(@"│ Entries\s+│ 11\s+│", run.Out);
        Assert.Matches(@"│ In\s+│ 5\s+│", run.Out);
        Assert.Matches(@"│ Out\s+│ 6\s+│", run.Out);
        Assert.Matches(@"│ text\s+│\s+3 │\s+4 │\s+7 │", run.Out);
        Assert.Matches(@"│ binary\s+│\s+1 │\s+1 │\s+2 │", run.Out);
        Assert.Matches(@"│ close\s+│\s+1 │\s+1 │\s+2 │", run.Out);
        Assert.DoesNotContain("ping", run.Out, StringComparison.Ordinal);
        Assert.Contains(Timestamp(entries[0].Timestamp), run.Out, StringComparison.Ordinal);
        Assert.Contains(Timestamp(entries[^1].Timestamp), run.Out, StringComparison.Ordinal);
        // The largest frame is the long text; its first appearance (in, the client's) wins over the echo.
        Assert.Contains("frame 6 (line 6): in text, 32 bytes", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"│ Malformed lines\s+│ 0\s+│", run.Out);
    }

    [Fact]
    public async Task Inspect_json_is_one_object_with_the_same_summary()
    {
        var (_, file) = await RecordEchoSessionAsync();
        var metadata = await RecordingReader.GetMetadataAsync(file);

        var run = await CliRunner.RunAsync("inspect", file, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var json = Json.Parse(run.Out);
        Assert.Equal(file, (string?)json["file"]);
        Assert.Equal(11, (long)json["count"]!);
        Assert.Equal(5, (long)json["in"]!);
        Assert.Equal(6, (long)json["out"]!);
        Json.Equal("""{"text":7,"binary":2,"close":2}""", json["types"]);
        Json.Equal("""{"in":{"text":3,"binary":1,"close":1},"out":{"text":4,"binary":1,"close":1}}""", json["typesByDirection"]);
        Assert.Equal(Timestamp(metadata.FirstTimestamp!.Value), (string?)json["firstTimestamp"]);
        Assert.Equal(Timestamp(metadata.LastTimestamp!.Value), (string?)json["lastTimestamp"]);
        Assert.Equal(metadata.Duration.TotalSeconds, (double)json["durationSeconds"]!, precision: 6);
        Json.Equal("""{"frame":6,"line":6,"direction":"in","type":"text","size":32}""", json["largestFrame"]);
        Assert.Empty((JArray)json["malformedLines"]!);
    }

    [Fact]
    public async Task Inspect_lists_malformed_lines_with_their_numbers_and_counts_the_rest()
    {
        var file = Directory.WriteLines("broken.jsonl",
            RecordingFormat.FormatEntry(Direction.Out, Frame.Text("hello"), RecordingFiles.Start),
            "{not json",
            RecordingFormat.FormatEntry(Direction.In, Frame.Text("hi"), RecordingFiles.Start.AddSeconds(2)),
            "",
            """{"ts":"2026-01-20T15:30:47Z","dir":"sideways","type":"text","data":"x"}""",
            RecordingFormat.FormatEntry(Direction.Out, Frame.Ping(new byte[] { 1 }), RecordingFiles.Start.AddSeconds(3)));

        var human = await CliRunner.RunAsync("inspect", file);
        var json = await CliRunner.RunAsync("inspect", file, "--json");

        Assert.True(human.ExitCode == ExitCodes.Success, human.ToString());
        Assert.Matches(@"│ Entries\s+│ 3\s+│", human.Out);
        Assert.Matches(@"│ Malformed lines\s+│ 2\s+│", human.Out);
        Assert.Matches(@"│ ping\s+│\s+0 │\s+1 │\s+1 │", human.Out);
        Assert.Contains("line 2: InvalidJson", human.Out, StringComparison.Ordinal);
        Assert.Contains("line 5: InvalidDirection", human.Out, StringComparison.Ordinal);
        Assert.Contains("00:00:03.000", human.Out, StringComparison.Ordinal);

        var malformed = (JArray)Json.Parse(json.Out)["malformedLines"]!;
        Assert.Equal([2L, 5L], malformed.Select(m => (long)m["line"]!));
        Assert.Equal(["InvalidJson", "InvalidDirection"], malformed.Select(m => (string)m["error"]!));
        Assert.Contains("sideways", (string?)malformed[1]["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_of_an_empty_recording_reports_nothing_and_succeeds()
    {
        var file = Directory.WriteLines("empty.jsonl");

        var run = await CliRunner.RunAsync("inspect", file, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var json = Json.Parse(run.Out);
        Assert.Equal(0, (long)json["count"]!);
        Assert.Equal(JTokenType.Null, json["firstTimestamp"]!.Type);
        Assert.Equal(JTokenType.Null, json["largestFrame"]!.Type);
        Assert.Equal(0.0, (double)json["durationSeconds"]!);
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

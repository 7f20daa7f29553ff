namespace ActorRecorder.Recording.Tests.Format;

using System.Text;
using Xunit;

/// <summary>ZenWebsocket's parse_entry specs, and the malformed lines its parser crashes on.</summary>
public sealed class ParseEntrySpec
{
    private static readonly DateTime At = new DateTime(2026, 1, 20, 15, 30, 45, DateTimeKind.Utc).AddTicks(1_234_560);

    [Fact]
    public void Parses_a_text_entry()
    {
        var entry = RecordingFormat.ParseEntry("""{"ts":"2026-01-20T15:30:45.123456Z","dir":"out","type":"text","data":"hello"}""");

        Assert.Equal(At, entry.Timestamp);
        Assert.Equal(DateTimeKind.Utc, entry.Timestamp.Kind);
        Assert.Equal(Direction.Out, entry.Direction);
        Assert.Equal(FrameType.Text, entry.Type);
        Assert.Equal("hello", entry.Data);
        Assert.Equal(Frame.Text("hello"), entry.Frame);
        Assert.False(entry.Binary);
        Assert.False(entry.IsRawFallback);
    }

    [Fact]
    public void Parses_a_binary_entry_and_decodes_its_Base64()
    {
        var entry = RecordingFormat.ParseEntry("""{"ts":"2026-01-20T15:30:45Z","dir":"in","type":"binary","data":"AQID","binary":true}""");

        Assert.Equal(Direction.In, entry.Direction);
        Assert.Equal(FrameType.Binary, entry.Type);
        Assert.Equal(new byte[] { 1, 2, 3 }, entry.Frame.Payload.ToArray());
        Assert.True(entry.Binary);
        Assert.False(entry.IsRawFallback);
    }

    [Fact]
    public void Reports_a_line_that_is_not_JSON()
    {
        var error = Assert.Throws<RecordingFormatException>(() => RecordingFormat.ParseEntry("not json"));
        Assert.Equal(RecordingFormatError.InvalidJson, error.Error);
    }

    [Fact]
    public void Reports_an_invalid_timestamp()
    {
        var error = Assert.Throws<RecordingFormatException>(() =>
            RecordingFormat.ParseEntry("""{"ts":"invalid","dir":"out","type":"text","data":"hello"}"""));
        Assert.Equal(RecordingFormatError.InvalidTimestamp, error.Error);
        Assert.Contains("invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_unknown_direction()
    {
        var error = Assert.Throws<RecordingFormatException>(() =>
            RecordingFormat.ParseEntry("""{"ts":"2026-01-20T15:30:45.000000Z","dir":"sideways","type":"text","data":"hello"}"""));
        Assert.Equal(RecordingFormatError.InvalidDirection, error.Error);
        Assert.Contains("sideways", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_unknown_frame_type()
    {
        // ZenWebsocket's spec uses "ping", which our format records when asked to: "continuation" is unknown to both.
        var error = Assert.Throws<RecordingFormatException>(() =>
            RecordingFormat.ParseEntry("""{"ts":"2026-01-20T15:30:45.000000Z","dir":"out","type":"continuation","data":"hello"}"""));
        Assert.Equal(RecordingFormatError.InvalidType, error.Error);
    }

    [Fact]
    public void Keeps_the_raw_data_when_Base64_is_invalid()
    {
        var entry = RecordingFormat.ParseEntry("""{"ts":"2026-01-20T15:30:45.000000Z","dir":"in","type":"binary","data":"not-base64!","binary":true}""");

        Assert.True(entry.IsRawFallback);
        Assert.Equal("not-base64!", entry.Data);
        Assert.Equal("not-base64!", Encoding.UTF8.GetString(entry.Frame.Payload.Span));
    }

    [Fact]
    public void Round_trips_every_frame_type_through_format_and_parse()
    {
        Frame[] frames =
        [
            Frame.Text("test message"), Frame.Text("\"quoted\"\n日本 😀"), Frame.Text(string.Empty),
            Frame.Binary(new byte[] { 0, 1, 2, 253, 254, 255 }), Frame.Binary(ReadOnlyMemory<byte>.Empty),
            Frame.Close(1000, "Normal closure"), Frame.Close(4000, "custom \"reason\""),
            Frame.Ping(new byte[] { 9 }), Frame.Pong(new byte[] { 10, 11 }),
        ];
        foreach (var frame in frames)
        {
            var entry = RecordingFormat.ParseEntry(RecordingFormat.FormatEntry(Direction.Out, frame, At));
            Assert.Equal(At, entry.Timestamp);
            Assert.Equal(Direction.Out, entry.Direction);
            Assert.Equal(frame, entry.Frame);
            Assert.False(entry.IsRawFallback);
        }
    }

    [Fact]
    public void Accepts_keys_in_any_order_and_ignores_unknown_keys()
    {
        // Elixir's Jason writes small maps sorted by key: a real ZenWebsocket file looks like this.
        var entry = RecordingFormat.ParseEntry("""{"binary":true,"data":"AQID","dir":"in","extra":{"x":[1,2]},"ts":"2026-01-20T15:30:45Z","type":"binary"}""");
        Assert.Equal(Frame.Binary(new byte[] { 1, 2, 3 }), entry.Frame);
    }

    [Theory]
    [InlineData("""{"dir":"out","type":"text","data":"x"}""", RecordingFormatError.MissingField)]
    [InlineData("""{"ts":"2026-01-20T15:30:45Z","dir":"out","type":"text"}""", RecordingFormatError.MissingField)]
    [InlineData("""{"ts":"2026-01-20T15:30:45Z","dir":"out","type":"text","data":42}""", RecordingFormatError.MissingField)]
    [InlineData("""{"ts":12,"dir":"out","type":"text","data":"x"}""", RecordingFormatError.MissingField)]
    [InlineData("""{"ts":"2026-01-20T15:30:45","dir":"out","type":"text","data":"x"}""", RecordingFormatError.InvalidTimestamp)]
    [InlineData("""{"ts":"2026-02-30T15:30:45Z","dir":"out","type":"text","data":"x"}""", RecordingFormatError.InvalidTimestamp)]
    [InlineData("""{"ts":"2026-01-20T15:30:45Z","type":"text","data":"x"}""", RecordingFormatError.InvalidDirection)]
    [InlineData("""{"ts":"2026-01-20T15:30:45Z","dir":"out","type":null,"data":"x"}""", RecordingFormatError.InvalidType)]
    [InlineData("""["ts","dir"]""", RecordingFormatError.InvalidJson)]
    [InlineData("""{"ts":"2026-01-20T15:30:45Z","dir":"out","type":"text","data":"x"} trailing""", RecordingFormatError.InvalidJson)]
    [InlineData("""{"ts":"2026-01-20T15:30:45Z","dir":"out","type":"text","data":"x" """, RecordingFormatError.InvalidJson)]
    [InlineData("\"just a string\"", RecordingFormatError.InvalidJson)]
    public void Reports_the_lines_ZenWebsocket_crashes_on_as_errors(string line, RecordingFormatError expected)
    {
        Assert.False(RecordingFormat.TryParseEntry(line, out var entry, out var error));
        Assert.Null(entry);
        Assert.Equal(expected, error!.Error);
    }

    [Theory]
    [InlineData("2026-01-20T16:30:45.5+01:00", "2026-01-20T15:30:45.500000Z")]
    [InlineData("2026-01-20T14:00:45.123-01:30", "2026-01-20T15:30:45.123000Z")]
    [InlineData("2026-01-20 15:30:45Z", "2026-01-20T15:30:45.000000Z")]
    [InlineData("2026-01-20T15:30:45.123456789Z", "2026-01-20T15:30:45.123456Z")]
    public void Reads_timestamps_with_any_offset_and_precision_as_UTC(string ts, string expected)
    {
        var entry = RecordingFormat.ParseEntry($$"""{"ts":"{{ts}}","dir":"in","type":"text","data":"x"}""");
        Assert.Equal(expected, TimestampFormat.ToText(entry.Timestamp));
    }

    [Fact]
    public void Keeps_close_data_that_is_not_code_and_reason_as_the_reason_of_a_1005()
    {
        var entry = RecordingFormat.ParseEntry("""{"ts":"2026-01-20T15:30:45Z","dir":"in","type":"close","data":"bye"}""");
        Assert.True(entry.IsRawFallback);
        Assert.Equal(Frame.Close(1005, "bye"), entry.Frame);
    }
}

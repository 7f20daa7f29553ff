namespace ActorRecorder.Recording.Tests.Format;

using System.Text;
using ActorRecorder.Recording.Tests.Support;
using Xunit;
using Record = ActorRecorder.Recording.Record;

/// <summary>ZenWebsocket's format_entry specs, and what our format promises beyond them.</summary>
public sealed class FormatEntrySpec
{
    private static readonly DateTime At = new DateTime(2026, 1, 20, 15, 30, 45, DateTimeKind.Utc).AddTicks(1_234_560);
    private static readonly DateTime AtWholeSecond = new(2026, 1, 20, 15, 30, 45, DateTimeKind.Utc);

    [Fact]
    public void Formats_a_text_frame_as_one_JSON_object()
    {
        var line = RecordingFormat.FormatEntry(Direction.Out, Frame.Text("hello"), At);

        var json = Json.Parse(line);
        Assert.Equal("2026-01-20T15:30:45.123456Z", (string)json["ts"]!);
        Assert.Equal("out", (string)json["dir"]!);
        Assert.Equal("text", (string)json["type"]!);
        Assert.Equal("hello", (string)json["data"]!);
        Assert.False(json.ContainsKey("binary"));
    }

    [Fact]
    public void Formats_a_binary_frame_as_Base64_with_binary_true()
    {
        var line = RecordingFormat.FormatEntry(Direction.In, Frame.Binary(new byte[] { 1, 2, 3 }), AtWholeSecond);

        var json = Json.Parse(line);
        Assert.Equal("in", (string)json["dir"]!);
        Assert.Equal("binary", (string)json["type"]!);
        Assert.Equal("AQID", (string)json["data"]!);
        Assert.True((bool)json["binary"]!);
    }

    [Fact]
    public void Formats_a_close_frame_as_a_JSON_string_holding_code_and_reason()
    {
        var line = RecordingFormat.FormatEntry(Direction.In, Frame.Close(1000, "Normal closure"), AtWholeSecond);

        var json = Json.Parse(line);
        Assert.Equal("close", (string)json["type"]!);
        var close = Json.Parse((string)json["data"]!);
        Assert.Equal(1000, (int)close["code"]!);
        Assert.Equal("Normal closure", (string)close["reason"]!);
    }

    [Fact]
    public void Uses_the_current_time_when_no_timestamp_is_given()
    {
        var before = Truncated(DateTime.UtcNow);
        var line = RecordingFormat.FormatEntry(Direction.Out, Frame.Text("test"));
        var after = DateTime.UtcNow;

        var ts = (string)Json.Parse(line)["ts"]!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", ts);
        var parsed = RecordingFormat.ParseEntry(line).Timestamp;
        Assert.InRange(parsed, before, after);
    }

    [Fact]
    public void Writes_keys_in_the_order_ts_dir_type_data_binary_and_nothing_else()
    {
        Assert.Equal("""{"ts":"2026-01-20T15:30:45.123456Z","dir":"out","type":"text","data":"hello"}""",
            RecordingFormat.FormatEntry(Direction.Out, Frame.Text("hello"), At));
        Assert.Equal("""{"ts":"2026-01-20T15:30:45.000000Z","dir":"in","type":"binary","data":"AQID","binary":true}""",
            RecordingFormat.FormatEntry(Direction.In, Frame.Binary(new byte[] { 1, 2, 3 }), AtWholeSecond));
        Assert.Equal("""{"ts":"2026-01-20T15:30:45.000000Z","dir":"in","type":"close","data":"{\"code\":1000,\"reason\":\"bye\"}"}""",
            RecordingFormat.FormatEntry(Direction.In, Frame.Close(1000, "bye"), AtWholeSecond));
    }

    [Fact]
    public void Writes_timestamps_in_UTC_truncated_to_microseconds()
    {
        var local = new DateTime(2026, 1, 20, 15, 30, 45, DateTimeKind.Utc).AddTicks(9_999_999).ToLocalTime();
        var line = RecordingFormat.FormatEntry(Direction.In, Frame.Text("x"), local);
        Assert.Equal("2026-01-20T15:30:45.999999Z", (string)Json.Parse(line)["ts"]!);
    }

    [Fact]
    public void Escapes_what_JSON_requires_and_keeps_other_characters()
    {
        const string text = "quote \" backslash \\ newline \n tab \t nul \0 é 日本 😀 </script>";
        var line = RecordingFormat.FormatEntry(Direction.Out, Frame.Text(text), At);

        Assert.DoesNotContain('\n', line);
        Assert.Equal(text, (string)Json.Parse(line)["data"]!);
        Assert.Contains("日本 😀", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_unpaired_surrogates_as_U_FFFD_so_every_line_is_valid_UTF8_JSON()
    {
        // Built in code: attribute arguments cannot carry unpaired surrogates (metadata is UTF-8).
        (string Text, string Expected)[] cases =
        [
            ("a\ud800b", "a\ufffdb"),
            ("\udc00 alone", "\ufffd alone"),
            ("ends high \ud83d", "ends high \ufffd"),
            ("high then quote \ud83d\"", "high then quote \ufffd\""),
            ("pair \ud83d\ude00 kept", "pair \ud83d\ude00 kept"),
        ];
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        foreach (var (text, expected) in cases)
        {
            var line = RecordingFormat.FormatEntry(Direction.Out, Frame.Text(text), At);

            Assert.Equal(line, strict.GetString(Encoding.UTF8.GetBytes(line)));
            Assert.Equal(expected, (string)Json.Parse(line)["data"]!);
        }
    }

    [Fact]
    public void Writes_ping_and_pong_payloads_as_Base64()
    {
        var ping = Json.Parse(RecordingFormat.FormatEntry(Direction.In, Frame.Ping(new byte[] { 0xFF }), At));
        var pong = Json.Parse(RecordingFormat.FormatEntry(Direction.Out, Frame.Pong(ReadOnlyMemory<byte>.Empty), At));

        Assert.Equal(("ping", "/w==", true), ((string)ping["type"]!, (string)ping["data"]!, (bool)ping["binary"]!));
        Assert.Equal(("pong", "", true), ((string)pong["type"]!, (string)pong["data"]!, (bool)pong["binary"]!));
    }

    [Fact]
    public void Rejects_a_missing_frame_or_direction_where_the_record_is_made()
    {
        Assert.Throws<ArgumentException>(() => new Record(Direction.In, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Record(default, Frame.Text("x")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Record(Direction.In | Direction.Out, Frame.Text("x")));
        Assert.Throws<ArgumentNullException>(() => Frame.Text(null!));
        Assert.Throws<ArgumentNullException>(() => Frame.Close(1000, null!));
    }

    private static DateTime Truncated(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
}

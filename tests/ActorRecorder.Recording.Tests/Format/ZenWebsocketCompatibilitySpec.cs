namespace ActorRecorder.Recording.Tests.Format;

using System.Text;
using ActorRecorder.Testing;
using Xunit;

/// <summary>
/// Either side can read the other's files: the lines ZenWebsocket documents parse to the entries it
/// describes, and the lines we write for its documented examples are the very same bytes.
/// </summary>
public sealed class ZenWebsocketCompatibilitySpec : IDisposable
{
    // The JSONL lines of ZenWebsocket.Recorder's module documentation, and the results of its format_entry examples.
    private static readonly string[] DocumentedLines =
    [
        """{"ts":"2026-01-20T15:30:45.123456Z","dir":"out","type":"text","data":"..."}""",
        """{"ts":"2026-01-20T15:30:45.234567Z","dir":"in","type":"text","data":"..."}""",
        """{"ts":"2026-01-20T15:30:46.000000Z","dir":"in","type":"binary","data":"base64...","binary":true}""",
        """{"ts":"2026-01-20T15:30:45.123456Z","dir":"out","type":"text","data":"hello"}""",
        """{"ts":"2026-01-20T15:30:45.000000Z","dir":"in","type":"binary","data":"AQID","binary":true}""",
    ];

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_file_of_ZenWebsockets_documented_lines_parses_to_the_entries_it_describes()
    {
        var path = _dir.WriteLines("zen.jsonl", DocumentedLines);

        var entries = await RecordingReader.ReadAsync(path).ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, entries.Count);
        Assert.Equal(new[] { 1L, 2, 3, 4, 5 }, entries.Select(e => e.LineNumber));
        Assert.Equal(Utc(45, 123_456), entries[0].Timestamp);
        Assert.Equal((Direction.Out, Frame.Text("...")), (entries[0].Direction, entries[0].Frame));
        Assert.Equal(Utc(45, 234_567), entries[1].Timestamp);
        Assert.Equal((Direction.In, Frame.Text("...")), (entries[1].Direction, entries[1].Frame));
        // "base64..." is a placeholder, not Base64: ZenWebsocket keeps the raw string, and so do we.
        Assert.Equal(Utc(46, 0), entries[2].Timestamp);
        Assert.True(entries[2].IsRawFallback);
        Assert.Equal("base64...", entries[2].Data);
        Assert.Equal(Frame.Binary(Encoding.UTF8.GetBytes("base64...")), entries[2].Frame);
        Assert.Equal((Direction.Out, Frame.Text("hello")), (entries[3].Direction, entries[3].Frame));
        Assert.Equal((Direction.In, Frame.Binary(new byte[] { 1, 2, 3 })), (entries[4].Direction, entries[4].Frame));
        Assert.All(entries.Where(e => !e.IsRawFallback), e => Assert.Equal(DocumentedLines[e.LineNumber - 1], RecordingFormat.FormatEntry(e.Direction, e.Frame, e.Timestamp)));
    }

    [Fact]
    public void We_write_byte_for_byte_the_lines_of_ZenWebsockets_format_entry_examples()
    {
        Assert.Equal(DocumentedLines[3], RecordingFormat.FormatEntry(Direction.Out, Frame.Text("hello"), Utc(45, 123_456)));
        Assert.Equal(DocumentedLines[4], RecordingFormat.FormatEntry(Direction.In, Frame.Binary(new byte[] { 1, 2, 3 }), Utc(45, 0)));
    }

    public void Dispose() => _dir.Dispose();

    private static DateTime Utc(int second, int microsecond) =>
        new DateTime(2026, 1, 20, 15, 30, second, DateTimeKind.Utc).AddTicks(microsecond * 10L);
}

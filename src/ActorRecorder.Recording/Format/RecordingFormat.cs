using System.Text;

namespace ActorRecorder.Recording;

/// <summary>
/// The JSONL format as pure functions (ZenWebsocket's <c>Recorder.format_entry/3</c> and
/// <c>parse_entry/1</c>): one JSON object per line, keys in the order ts, dir, type, data, binary.
/// </summary>
/// <example>
/// <c>RecordingFormat.FormatEntry(Direction.Out, Frame.Text("hello"), timestamp)</c> gives
/// <c>{"ts":"2026-01-20T15:30:45.123456Z","dir":"out","type":"text","data":"hello"}</c>.
/// </example>
public static class RecordingFormat
{
    /// <summary>The line a recorder writes for the frame, without its trailing newline.</summary>
    /// <param name="direction">Which way the frame travelled.</param>
    /// <param name="frame">The frame.</param>
    /// <param name="timestamp">When; a local time is converted to UTC, and it is written with microseconds.</param>
    public static string FormatEntry(Direction direction, Frame frame, DateTime timestamp)
    {
        var record = new Record(direction, frame, timestamp);
        var buffer = new PendingBuffer();
        new JsonlEntryWriter(buffer).Append(record.Timestamp, record.Direction, record.Frame);
        var line = Encoding.UTF8.GetString(buffer.Written[..^1]);
        buffer.Clear();
        return line;
    }

    /// <summary>The line for the frame timestamped now.</summary>
    public static string FormatEntry(Direction direction, Frame frame) => FormatEntry(direction, frame, DateTime.UtcNow);

    /// <summary>Parses one line.</summary>
    /// <exception cref="RecordingFormatException">The line is malformed; <see cref="RecordingFormatException.Error"/> says how.</exception>
    public static RecordedEntry ParseEntry(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return EntryParser.TryParse(line, 0, out var entry, out var error) ? entry! : throw error!;
    }

    /// <summary>Parses one line; false (with the reason in <paramref name="error"/>) when it is malformed.</summary>
    public static bool TryParseEntry(string line, out RecordedEntry? entry, out RecordingFormatException? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        return EntryParser.TryParse(line, 0, out entry, out error);
    }
}

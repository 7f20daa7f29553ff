using ActorRecorder.Recording;
using ActorRecorder.Testing;

namespace ActorRecorder.Server.Tests.Support;

/// <summary>Recording files written line by line with the library's own format, for the cases a live session cannot make.</summary>
public static class RecordingFiles
{
    public static readonly DateTime Start = new(2026, 1, 20, 15, 30, 45, 123, DateTimeKind.Utc);

    /// <summary>One line per frame, <paramref name="gap"/> apart (default 1 ms), from <see cref="Start"/>.</summary>
    public static string Write(TempDirectory directory, string name, IEnumerable<(Direction Direction, Frame Frame)> frames, TimeSpan? gap = null)
    {
        var step = gap ?? TimeSpan.FromMilliseconds(1);
        var lines = frames.Select((f, i) => RecordingFormat.FormatEntry(f.Direction, f.Frame, Start + (step * i))).ToArray();
        return directory.WriteLines(name, lines);
    }

    public static (Direction, Frame) In(string text) => (Direction.In, Frame.Text(text));

    public static (Direction, Frame) Out(string text) => (Direction.Out, Frame.Text(text));
}

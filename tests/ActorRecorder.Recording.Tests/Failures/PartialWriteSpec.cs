namespace ActorRecorder.Recording.Tests.Failures;

using System.Text;
using ActorRecorder.Testing;
using Xunit;

/// <summary>
/// A write that fails halfway (a disk that fills up) leaves part of the buffer in the file. The next
/// incarnation compares and writes only the rest: no entry twice, no entry lost, no broken line.
/// </summary>
public sealed class PartialWriteSpec : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Bytes_that_reached_the_file_before_the_failure_are_not_written_again()
    {
        var path = _dir.File();
        var before = RecordingFormat.FormatEntry(Direction.In, Frame.Text("before")) + "\n";
        var pending = Pending("first", "second", "third");
        var reached = pending.Written[..(pending.Written.IndexOf((byte)'\n') + 10)].ToArray();
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(before), .. reached]);

        using (var file = RecordingFile.Open(path, RecorderFileMode.Append))
        {
            var (entries, bytes) = file.Reconcile(pending, failedAt: Encoding.UTF8.GetByteCount(before));
            Assert.Equal((1, (long)reached.Length), (entries, bytes));
            Assert.Equal(2, pending.Entries);
            file.Write(pending.Written);
        }

        Assert.Equal(["before", "first", "second", "third"], File.ReadAllLines(path).Select(l => RecordingFormat.ParseEntry(l).Data));
    }

    [Fact]
    public void A_file_that_does_not_match_gets_a_newline_and_the_whole_buffer()
    {
        var path = _dir.File();
        File.WriteAllText(path, "{\"something\":\"else");
        var pending = Pending("first");

        using (var file = RecordingFile.Open(path, RecorderFileMode.Append))
        {
            Assert.Equal((0, 1L), file.Reconcile(pending, failedAt: 5));
            file.Write(pending.Written);
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.Equal("first", RecordingFormat.ParseEntry(lines[1]).Data);
    }

    public void Dispose() => _dir.Dispose();

    private static PendingBuffer Pending(params string[] texts)
    {
        var buffer = new PendingBuffer();
        var writer = new JsonlEntryWriter(buffer);
        foreach (var text in texts) writer.Append(DateTime.UtcNow, Direction.Out, Frame.Text(text));
        return buffer;
    }
}

namespace ActorRecorder.Recording.Tests.Recorders;

using ActorRecorder.Actors;
using ActorRecorder.Recording.Tests.Support;
using Xunit;
using Record = ActorRecorder.Recording.Record;
using Xunit.Abstractions;

/// <summary>Back-pressure ZenWebsocket lacks: a bounded mailbox drops the newest records, counts them, and never blocks the session.</summary>
public sealed class MailboxSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task A_full_bounded_mailbox_drops_the_newest_records_counts_them_and_never_blocks()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var fifo = Fifo.Create(Dir.File("stuck.jsonl"));
        var recorder = await StartAsync(fifo.Path, Stuckable);
        var dropped = new List<Dropped>();
        using var subscription = Sys.EventStream.Subscribe<Dropped>(d =>
        {
            lock (dropped) dropped.Add(d);
        });

        await BothBuffersBusyAsync(recorder, fifo);
        for (var i = 0; i < 25; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"m{i}")));

        lock (dropped)
        {
            Assert.Equal(15, dropped.Count);
            Assert.All(dropped, d => Assert.Equal(recorder, d.Recipient));
        }

        // Each record is written on its own (FlushEntries = 1): 12 lines mean the mailbox is empty again.
        await fifo.ReadLinesAsync(12);
        await AwaitAssertAsync(async () =>
        {
            var stats = await StatsAsync(recorder);
            Assert.Equal((12L, 15L), (stats.Entries, stats.Dropped));
        }, Bound);

        var rest = fifo.ReadToEndAsync();
        await StopAsync(recorder);
        var kept = (await rest).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => RecordingFormat.ParseEntry(l).Data);
        Assert.Equal(["held", .. Enumerable.Range(0, 10).Select(i => $"m{i}")], kept);
    }

    [Fact]
    public async Task StopAsync_still_stops_a_recorder_whose_bounded_mailbox_is_full()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var fifo = Fifo.Create(Dir.File("stuck.jsonl"));
        var recorder = await StartAsync(fifo.Path, Stuckable);
        await BothBuffersBusyAsync(recorder, fifo);
        for (var i = 0; i < 10; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"m{i}")));

        // The stop request finds the mailbox full: the recorder is stopped by a system message instead,
        // which waits for the write in flight and writes the entry in hand; the queued records become
        // dead letters, visibly.
        string content = string.Empty;
        await EventFilter.DeadLetter<Record>().ExpectAsync(10, async () =>
        {
            var stopping = StopAsync(recorder);
            content = await fifo.ReadToEndAsync();
            await stopping;
        });

        var lines = content.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("held", RecordingFormat.ParseEntry(lines[1]).Data);
    }

    // No timer: nothing but the spec's own messages reaches the mailbox.
    private static readonly RecorderOptions Stuckable = new() { MailboxCapacity = 10, FlushEntries = 1, FlushInterval = TimeSpan.FromHours(1) };

    /// <summary>
    /// A 5 MB line stuck in write() on a pipe nobody drains (in the background), and one more record
    /// formatted and due, handed over to be written next: both buffers are busy, the recorder waits for
    /// the write and takes no message, so its mailbox takes 10 more.
    /// </summary>
    private async Task BothBuffersBusyAsync(IActorRef recorder, Fifo fifo)
    {
        recorder.Tell(new Record(Direction.In, Frame.Binary(new byte[4 * 1024 * 1024])));
        await fifo.ReadAtLeastAsync(1);
        recorder.Tell(new Record(Direction.Out, Frame.Text("held")));
        await AwaitingWriteAsync(fifo.Path);
    }
}

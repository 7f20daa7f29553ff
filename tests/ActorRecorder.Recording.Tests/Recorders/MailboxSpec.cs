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

        await WriteStuckAsync(recorder, fifo);
        for (var i = 0; i < 25; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"m{i}")));

        lock (dropped)
        {
            Assert.Equal(15, dropped.Count);
            Assert.All(dropped, d => Assert.Equal(recorder, d.Recipient));
        }

        // Each record is written on its own (FlushEntries = 1): 11 lines mean the mailbox is empty again.
        await fifo.ReadLinesAsync(11);
        await AwaitAssertAsync(async () =>
        {
            var stats = await StatsAsync(recorder);
            Assert.Equal((11L, 15L), (stats.Entries, stats.Dropped));
        }, Bound);

        var rest = fifo.ReadToEndAsync();
        await StopAsync(recorder);
        var kept = (await rest).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => RecordingFormat.ParseEntry(l).Data);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m{i}"), kept);
    }

    [Fact]
    public async Task StopAsync_still_stops_a_recorder_whose_bounded_mailbox_is_full()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var fifo = Fifo.Create(Dir.File("stuck.jsonl"));
        var recorder = await StartAsync(fifo.Path, Stuckable);
        await WriteStuckAsync(recorder, fifo);
        for (var i = 0; i < 10; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"m{i}")));

        // The stop request finds the mailbox full: the recorder is stopped by a system message instead,
        // which it takes once the stuck write has ended; the queued records become dead letters, visibly.
        string content = string.Empty;
        await EventFilter.DeadLetter<Record>().ExpectAsync(10, async () =>
        {
            var stopping = StopAsync(recorder);
            content = await fifo.ReadToEndAsync();
            await stopping;
        });

        // The stuck line was written whole.
        var line = Assert.Single(content.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(4 * 1024 * 1024, RecordingFormat.ParseEntry(line).Frame.Payload.Length);
    }

    // No timer: nothing but the spec's own messages reaches the mailbox.
    private static readonly RecorderOptions Stuckable = new() { MailboxCapacity = 10, FlushEntries = 1, FlushInterval = TimeSpan.FromHours(1) };

    /// <summary>
    /// A 5.6 MB line stuck in write() on a pipe nobody drains: the recorder is inside its turn and takes
    /// no message, so its mailbox takes 10 more.
    /// </summary>
    private static async Task WriteStuckAsync(IActorRef recorder, Fifo fifo)
    {
        recorder.Tell(new Record(Direction.In, Frame.Binary(new byte[4 * 1024 * 1024])));
        await fifo.ReadAtLeastAsync(1);
    }
}

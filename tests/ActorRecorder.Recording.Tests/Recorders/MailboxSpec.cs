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
        var recorder = await StartAsync(fifo.Path, new RecorderOptions { MailboxCapacity = 10, FlushEntries = 1 });
        var dropped = new List<Dropped>();
        using var subscription = Sys.EventStream.Subscribe<Dropped>(d =>
        {
            lock (dropped) dropped.Add(d);
        });

        // Stuck in write() on a 5 MB line: its mailbox takes 10 more messages.
        recorder.Tell(new Record(Direction.In, Frame.Binary(new byte[4 * 1024 * 1024])));
        await fifo.ReadAtLeastAsync(1);
        for (var i = 0; i < 25; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"m{i}")));

        lock (dropped)
        {
            Assert.Equal(15, dropped.Count);
            Assert.All(dropped, d => Assert.Equal(recorder, d.Recipient));
        }

        // Each record is written at once (FlushEntries = 1): 11 lines mean the mailbox is empty again.
        await fifo.ReadLinesAsync(11);
        var stats = await StatsAsync(recorder);
        Assert.Equal((11L, 15L), (stats.Entries, stats.Dropped));

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
        var recorder = await StartAsync(fifo.Path, new RecorderOptions { MailboxCapacity = 10, FlushEntries = 1 });
        recorder.Tell(new Record(Direction.In, Frame.Binary(new byte[4 * 1024 * 1024])));
        await fifo.ReadAtLeastAsync(1);
        for (var i = 0; i < 10; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"m{i}")));

        // The stop request finds the mailbox full: the recorder is stopped by a system message instead,
        // after the entry in hand; the queued records become dead letters, visibly.
        string content = string.Empty;
        await EventFilter.DeadLetter<Record>().ExpectAsync(10, async () =>
        {
            var stopping = StopAsync(recorder);
            content = await fifo.ReadToEndAsync();
            await stopping;
        });

        Assert.Single(content.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}

namespace ActorRecorder.Recording.Tests.Recorders;

using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>Back-pressure ZenWebsocket lacks: a bounded mailbox drops the newest records, counts them, and never blocks the session.</summary>
public sealed class MailboxSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task A_full_bounded_mailbox_drops_the_newest_records_counts_them_and_never_blocks()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var fifo = Fifo.Create(Dir.File("stuck.jsonl"));
        var recorder = await StartAsync(fifo.Path, Stuckable);
        var drops = SubscribeToDrops();

        await WriteStuckAsync(recorder, fifo);
        for (var i = 0; i < 25; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"m{i}")));

        // The 15 that found the mailbox full are published as Akka's Dropped, newest first dropped: m10 to m24.
        var dropped = ExpectDrops(drops, 15);
        Assert.Equal(Enumerable.Range(10, 15).Select(i => $"m{i}"), dropped.Select(d => ((Record)d.Message).Frame.TextData));
        Assert.All(dropped, d => Assert.Equal(recorder, d.Recipient));

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
    public async Task Ten_thousand_Tells_into_a_full_mailbox_never_block_and_Dropped_is_exactly_what_the_file_lacks()
    {
        if (!OperatingSystem.IsLinux()) return;
        const int told = 10_000;
        await using var fifo = Fifo.Create(Dir.File("stuck.jsonl"));
        var recorder = await StartAsync(fifo.Path, Stuckable with { MailboxCapacity = 100 });
        var drops = SubscribeToDrops();
        await WriteStuckAsync(recorder, fifo);

        // The recorder stays stuck in write() until the spec reads the pipe: a Tell that waited for room would never return.
        await Task.Run(() =>
        {
            for (var i = 0; i < told; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"m{i}")));
        }).WaitAsync(Bound);

        var dropped = ExpectDrops(drops, told - 100);
        Assert.All(dropped, d => Assert.Equal(recorder, d.Recipient));
        await fifo.ReadLinesAsync(1 + 100);
        var stats = await StatsAsync(recorder);
        var rest = fifo.ReadToEndAsync();
        await StopAsync(recorder);

        var kept = (await rest).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => RecordingFormat.ParseEntry(l).Data).ToList();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"m{i}"), kept);
        Assert.Equal((long)(told - kept.Count), stats.Dropped);
        Assert.Equal((101L, 0L), (stats.Entries, stats.Pending));
        Assert.Equal(Enumerable.Range(100, told - 100).Select(i => $"m{i}"), dropped.Select(d => ((Record)d.Message).Frame.TextData));
    }

    [Fact]
    public async Task StopAsync_still_stops_a_recorder_whose_bounded_mailbox_is_full_and_writes_what_it_held()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var fifo = Fifo.Create(Dir.File("stuck.jsonl"));
        var recorder = await StartAsync(fifo.Path, Stuckable);
        Watch(recorder);
        var drops = SubscribeToDrops();
        await WriteStuckAsync(recorder, fifo);
        for (var i = 0; i < 10; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"m{i}")));

        // The stop request finds the mailbox full: it is dropped, visibly, and the recorder is stopped by a
        // system message instead, which it takes once the stuck write has ended. The 10 records still queued
        // then are written in PostStop: nothing that reached the recorder is lost.
        var stopping = StopAsync(recorder);
        Assert.IsType<PoisonPill>(drops.ExpectMsg<Dropped>(Bound).Message);
        var content = await fifo.ReadToEndAsync();
        await stopping;
        ExpectTerminated(recorder);

        var lines = content.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The stuck line was written whole, then the records in the order they were told.
        Assert.Equal(4 * 1024 * 1024, RecordingFormat.ParseEntry(lines[0]).Frame.Payload.Length);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m{i}"), lines.Skip(1).Select(l => RecordingFormat.ParseEntry(l).Data));
    }

    // No timer: nothing but the spec's own messages reaches the mailbox.
    private static readonly RecorderOptions Stuckable = new() { MailboxCapacity = 10, FlushEntries = 1, FlushInterval = TimeSpan.FromHours(1) };

    /// <summary>
    /// A 5.6 MB line stuck in write() on a pipe nobody drains: the recorder is inside its turn and takes
    /// no message, so its mailbox fills up.
    /// </summary>
    private static async Task WriteStuckAsync(IActorRef recorder, Fifo fifo)
    {
        recorder.Tell(new Record(Direction.In, Frame.Binary(new byte[4 * 1024 * 1024])));
        await fifo.ReadAtLeastAsync(1);
    }

    private TestProbe SubscribeToDrops()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(Dropped));
        return probe;
    }

    /// <summary>
    /// The next <paramref name="count"/> drops, and no more. A drop is published by the Tell that found the mailbox
    /// full, before that Tell returns: a marker published once the spec's Tells have returned must come right after them.
    /// </summary>
    private List<Dropped> ExpectDrops(TestProbe probe, int count)
    {
        var marker = new Dropped("marker", "the spec's marker", TestActor, TestActor);
        Sys.EventStream.Publish(marker);
        var drops = probe.ReceiveN(count, Bound).Cast<Dropped>().ToList();
        Assert.Same(marker, probe.ExpectMsg<Dropped>(Bound));
        return drops;
    }
}

namespace ActorRecorder.Recording.Tests.Failures;

using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>ZenWebsocket truncates a recording when its server is restarted; a recorder restarted after a crash appends.</summary>
public sealed class CrashRestartSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task A_crash_mid_session_restarts_the_recorder_which_appends_and_loses_nothing()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, new RecorderOptions { FlushInterval = TimeSpan.FromHours(1) });
        for (var i = 1; i <= 3; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"written {i}")));
        await FlushAsync(recorder);
        for (var i = 1; i <= 2; i++) recorder.Tell(new Record(Direction.In, Frame.Text($"buffered {i}")));

        // Kill is a crash: the transient recorder is restarted, on the same ref, with its buffer.
        recorder.Tell(Kill.Instance);
        recorder.Tell(new Record(Direction.Out, Frame.Text("after the restart")));
        await FlushAsync(recorder);

        var stats = await StatsAsync(recorder);
        Assert.Equal((1L, 6L, 0L), (stats.Restarts, stats.Entries, stats.Pending));
        Assert.Equal(["written 1", "written 2", "written 3", "buffered 1", "buffered 2", "after the restart"], JsonLines(path).Select(Text));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task A_Kill_during_a_burst_from_four_producers_loses_nothing_duplicates_nothing_and_keeps_each_producers_order()
    {
        const int producers = 4;
        const int each = 2_500;
        var path = Dir.File();
        // A write every 3 000 entries: when the Kill is taken, at least 2 000 of the 5 000 told before it are in the
        // buffer (the restart must carry them over), and the rest of the burst waits in the mailbox (kept by the restart).
        var recorder = await StartAsync(path, new RecorderOptions { FlushEntries = 3_000, FlushBytes = 16 * 1024 * 1024, FlushInterval = TimeSpan.FromHours(1) });
        Assert.Equal("/user/root/recorders", recorder.Path.Parent.ToStringWithoutAddress());

        // Each producer tells half its entries, waits until the spec has told the Kill, then tells the rest:
        // the Kill lands in the middle of the burst, behind the first halves and ahead of the second.
        using var halfway = new CountdownEvent(producers);
        using var killed = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            for (var i = 0; i < each; i++)
            {
                if (i == each / 2)
                {
                    halfway.Signal();
                    if (!killed.Wait(Bound)) return;
                }
                recorder.Tell(new Record(Direction.Out, Frame.Text($"{p}:{i}")), ActorRefs.NoSender);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        Assert.True(halfway.Wait(Bound), "the producers did not reach half way");
        recorder.Tell(Kill.Instance);
        killed.Set();
        Assert.All(threads, t => Assert.True(t.Join(Bound), "a producer did not finish"));
        await FlushAsync(recorder);

        var stats = await StatsAsync(recorder);
        Assert.Equal((1L, 0L, (long)producers * each, 0L), (stats.Restarts, stats.Failures, stats.Entries, stats.Pending));
        var entries = JsonLines(path).Select(Text).ToList();
        Assert.Equal(producers * each, entries.Count);
        Assert.Equal(producers * each, entries.Distinct().Count());
        var byProducer = entries.Select(e => e.Split(':')).GroupBy(e => e[0], e => int.Parse(e[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(producers, byProducer.Count());
        Assert.All(byProducer, g => Assert.Equal(Enumerable.Range(0, each), g));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task A_restart_puts_its_first_entry_on_a_new_line_after_a_half_written_one()
    {
        var path = Dir.File();
        await File.WriteAllTextAsync(path, RecordingFormat.FormatEntry(Direction.In, Frame.Text("whole")) + "\n{\"ts\":\"2026-01-2");
        var recorder = await StartAsync(path, new RecorderOptions { FileMode = RecorderFileMode.Append });

        recorder.Tell(new Record(Direction.Out, Frame.Text("next")));
        await StopAsync(recorder);

        var skipped = new List<RecordingFormatException>();
        var entries = await RecordingReader.ReadAsync(path, new ReadOptions { SkipMalformed = true, OnSkipped = skipped.Add }).ToListAsync();
        Assert.Equal(["whole", "next"], entries.Select(e => e.Data));
        Assert.Equal(2, Assert.Single(skipped).LineNumber);
    }

    [Fact]
    public async Task A_due_buffer_carried_over_a_failed_write_is_written_by_the_restart_without_waiting_for_the_timer()
    {
        var path = Dir.File();
        var writes = 0;
        WriteHook failFirst = (_, _) =>
        {
            if (Interlocked.Increment(ref writes) == 1) throw new IOException("Input/output error (the spec's disk)");
        };
        var recorder = await StartHookedAsync(path, new RecorderOptions { FlushEntries = 1, FlushInterval = TimeSpan.FromHours(1) }, write: failFirst);

        await EventFilter.Error(contains: $"could not write {path}:").ExpectOneAsync(() =>
        {
            recorder.Tell(new Record(Direction.Out, Frame.Text("due")));
            return Task.CompletedTask;
        });

        // No Flush, no new record, and the timer is an hour away: the restart writes the due entry itself.
        await AwaitAssertAsync(async () =>
        {
            var stats = await StatsAsync(recorder);
            Assert.Equal((1L, 1L, 0L), (stats.Restarts, stats.Entries, stats.Pending));
        }, Bound);
        Assert.Equal(["due"], JsonLines(path).Select(Text));
        await StopAsync(recorder);
    }
}

namespace ActorRecorder.Recording.Tests.Recorders;

using System.Text;
using ActorRecorder.Actors;
using ActorRecorder.Recording.Tests.Support;
using Xunit;
using Record = ActorRecorder.Recording.Record;
using Xunit.Abstractions;

/// <summary>
/// Write-behind: a due buffer is written in the background while the recorder formats the next one.
/// None of the recorder's promises moves: Flush, stop and restart wait for the write in flight, a failed
/// background write crashes the recorder and its entries are written by the next incarnation, exactly
/// once, and the figures count what is being written as pending. A <see cref="Gate"/> holds the first
/// write until the spec lets it go, so every spec knows where the write stands.
/// </summary>
public sealed class WriteBehindSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    private static readonly RecorderOptions EachEntry = new() { FlushEntries = 1, FlushInterval = TimeSpan.FromHours(1) };

    /// <summary>Starts a recorder that writes every entry, and records one entry whose write the gate holds.</summary>
    private async Task<IActorRef> StartWithWriteInFlightAsync(string path, Gate gate, Direction direction)
    {
        var recorder = await StartAsync(path, EachEntry with { WriteHook = gate.Hook });
        recorder.Tell(new Record(direction, Frame.Text("in flight")));
        await gate.EnteredAsync();
        return recorder;
    }

    [Fact]
    public async Task Flush_waits_for_the_write_in_flight_and_everything_before_it_is_then_in_the_file()
    {
        var path = Dir.File();
        using var gate = new Gate();
        var recorder = await StartWithWriteInFlightAsync(path, gate, Direction.Out);
        recorder.Tell(new Record(Direction.Out, Frame.Text("buffered")));
        var flush = FlushAsync(recorder);

        // The Flush has reached the recorder, which waits for the write the gate holds.
        await AwaitingWriteAsync(path);
        Assert.False(flush.IsCompleted);
        gate.Open();
        await flush;

        Assert.Equal(["in flight", "buffered"], JsonLines(path).Select(Text));
        var stats = await StatsAsync(recorder);
        Assert.Equal((2L, new FileInfo(path).Length, 0L), (stats.Entries, stats.Bytes, stats.Pending));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task Entries_being_written_count_as_pending_until_the_write_has_ended()
    {
        var path = Dir.File();
        using var gate = new Gate();
        var recorder = await StartWithWriteInFlightAsync(path, gate, Direction.In);
        var during = await StatsAsync(recorder);
        gate.Open();

        Assert.Equal((0L, 0L, 1L), (during.Entries, during.Bytes, during.Pending));
        Assert.True(during.PendingBytes > 0);
        await AwaitAssertAsync(async () =>
        {
            var after = await StatsAsync(recorder);
            Assert.Equal((1L, during.PendingBytes, 0L, 0L), (after.Entries, after.Bytes, after.Pending, after.PendingBytes));
        }, Bound);
        await StopAsync(recorder);
    }

    [Fact]
    public async Task A_failed_background_write_is_logged_counted_and_crashes_and_the_restart_writes_exactly_what_was_lost()
    {
        var path = Dir.File();
        // The first write puts its first entry and a part of the second in the file, then fails: a disk that filled up.
        using var gate = new Gate(failAfter: (bytes, offset) => WritePart(path, bytes[..(bytes.IndexOf((byte)'\n') + 10)], offset));
        var recorder = await StartAsync(path, new RecorderOptions { FlushEntries = 3, FlushInterval = TimeSpan.FromHours(1), WriteHook = gate.Hook });

        for (var i = 1; i <= 3; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"batch {i}")));
        await gate.EnteredAsync();
        // Formatted while the write is in flight: they wait behind its entries.
        recorder.Tell(new Record(Direction.In, Frame.Text("after 1")));
        recorder.Tell(new Record(Direction.In, Frame.Text("after 2")));

        await EventFilter.Error(contains: $"could not write {path}:").ExpectOneAsync(async () =>
        {
            gate.Open();
            await AwaitAssertAsync(async () => Assert.Equal(1L, (await StatsAsync(recorder)).Restarts), Bound);
        });
        await FlushAsync(recorder);

        Assert.Equal(["batch 1", "batch 2", "batch 3", "after 1", "after 2"], File.ReadAllLines(path).Select(l => RecordingFormat.ParseEntry(l).Data));
        var stats = await StatsAsync(recorder);
        Assert.Equal((5L, new FileInfo(path).Length, 0L, 1L, 1L), (stats.Entries, stats.Bytes, stats.Pending, stats.Failures, stats.Restarts));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task When_both_buffers_are_busy_and_the_first_write_fails_both_are_written_by_the_next_incarnation()
    {
        var path = Dir.File();
        using var gate = new Gate(failAfter: (_, _) => { });
        // A line is ~3 KB: each is due (FlushBytes), and the second buffer is full at 8 × 1000 bytes.
        var recorder = await StartAsync(path, new RecorderOptions { FlushBytes = 1000, FlushInterval = TimeSpan.FromHours(1), WriteHook = gate.Hook });
        var text = new string('x', 3000);

        recorder.Tell(new Record(Direction.Out, Frame.Text($"1 {text}")));
        await gate.EnteredAsync();
        for (var i = 2; i <= 4; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"{i} {text}")));
        // The fourth fills the second buffer: it is handed over behind the first, and the recorder waits.
        await AwaitingWriteAsync(path);

        await EventFilter.Error(contains: $"could not write {path}:").ExpectOneAsync(async () =>
        {
            gate.Open();
            await AwaitAssertAsync(async () => Assert.Equal(1L, (await StatsAsync(recorder)).Restarts), Bound);
        });
        await FlushAsync(recorder);

        Assert.Equal(["1", "2", "3", "4"], JsonLines(path).Select(l => Text(l).Split(' ')[0]));
        var stats = await StatsAsync(recorder);
        Assert.Equal((4L, 0L, 1L), (stats.Entries, stats.Pending, stats.Failures));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task A_stop_while_a_write_is_in_flight_waits_for_it_and_writes_the_rest()
    {
        var path = Dir.File();
        using var gate = new Gate();
        var recorder = await StartWithWriteInFlightAsync(path, gate, Direction.Out);
        Watch(recorder);
        recorder.Tell(new Record(Direction.Out, Frame.Text("buffered 1")));
        recorder.Tell(new Record(Direction.Out, Frame.Text("buffered 2")));
        await FlushOrderingBarrier(recorder, pending: 3);

        // A stop by system message: the recorder's PostStop waits for the write the gate holds.
        Sys.Stop(recorder);
        await AwaitingWriteAsync(path);
        gate.Open();

        ExpectTerminated(recorder);
        Assert.Equal(["in flight", "buffered 1", "buffered 2"], JsonLines(path).Select(Text));
    }

    [Fact]
    public async Task A_crash_while_a_write_is_in_flight_waits_for_it_and_the_next_incarnation_goes_on_after_it()
    {
        var path = Dir.File();
        using var gate = new Gate();
        var recorder = await StartWithWriteInFlightAsync(path, gate, Direction.Out);
        recorder.Tell(new Record(Direction.Out, Frame.Text("buffered")));
        await FlushOrderingBarrier(recorder, pending: 2);

        recorder.Tell(Kill.Instance);
        await AwaitingWriteAsync(path);
        gate.Open();
        recorder.Tell(new Record(Direction.Out, Frame.Text("after the restart")));
        await FlushAsync(recorder);

        Assert.Equal(["in flight", "buffered", "after the restart"], JsonLines(path).Select(Text));
        var stats = await StatsAsync(recorder);
        Assert.Equal((3L, 0L, 0L, 1L), (stats.Entries, stats.Pending, stats.Failures, stats.Restarts));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task A_burst_of_large_frames_keeps_its_order_and_the_idle_recorder_gives_its_buffers_back()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, new RecorderOptions { FlushInterval = TimeSpan.FromMilliseconds(50) });
        var state = StateOf(path);
        var payloads = Enumerable.Range(0, 200).Select(i =>
        {
            var payload = new byte[64 * 1024];
            new Random(i).NextBytes(payload);
            return payload;
        }).ToList();

        // From two producers at once: each one's frames must stay in its order, none lost.
        var binary = Task.Run(() =>
        {
            foreach (var payload in payloads) recorder.Tell(new Record(Direction.In, Frame.Binary(payload)));
        });
        for (var i = 0; i < 200; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"text {i}")));
        await binary;
        await FlushAsync(recorder);

        var entries = await RecordingReader.ReadAsync(path).ToListAsync().AsTask().WaitAsync(Bound);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"text {i}"), entries.Where(e => e.Frame.Type == FrameType.Text).Select(e => e.Data));
        var read = entries.Where(e => e.Frame.Type == FrameType.Binary).Select(e => e.Frame.Payload.ToArray()).ToList();
        Assert.Equal(payloads.Count, read.Count);
        Assert.All(Enumerable.Range(0, payloads.Count), i => Assert.True(read[i].AsSpan().SequenceEqual(payloads[i]), $"frame {i} differs"));
        var stats = await StatsAsync(recorder);
        Assert.Equal((400L, 0L), (stats.Entries, stats.Pending));

        // Quiet for a flush interval: no buffer, no write, no JSON writer left.
        await AwaitAssertAsync(() =>
        {
            Assert.Null(state.InFlight);
            Assert.False(state.Pending.HoldsArray);
            Assert.False(state.HoldsWriter);
            return Task.CompletedTask;
        }, Bound);
        await StopAsync(recorder);
    }

    // The records have reached the recorder (a system stop or a Kill would otherwise overtake them).
    private static async Task FlushOrderingBarrier(IActorRef recorder, int pending) =>
        Assert.Equal(pending, (await StatsAsync(recorder)).Pending);

    private static void WritePart(string path, ReadOnlySpan<byte> part, long offset)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.Write(handle, part, offset);
    }

    /// <summary>
    /// Holds the recorder's first write (on whichever thread runs it) until <see cref="Open"/>; then lets
    /// it go on, or runs <c>failAfter</c> and fails it as a full disk would. Later writes pass.
    /// </summary>
    private sealed class Gate(Action<ReadOnlySpan<byte>, long>? failAfter = null) : IDisposable
    {
        private readonly SemaphoreSlim _entered = new(0);
        private readonly ManualResetEventSlim _open = new();
        private int _writes;

        public WriteHook Hook => OnWrite;

        public Task EnteredAsync() => _entered.WaitAsync(Bound);

        public void Open() => _open.Set();

        public void Dispose()
        {
            _open.Set();
            _entered.Dispose();
        }

        private void OnWrite(ReadOnlySpan<byte> bytes, long offset)
        {
            if (Interlocked.Increment(ref _writes) != 1) return;
            _entered.Release();
            if (!_open.Wait(Bound)) throw new TimeoutException("The spec never opened the gate.");
            if (failAfter is null) return;
            failAfter(bytes, offset);
            throw new IOException("No space left on device (the spec's full disk)");
        }
    }
}

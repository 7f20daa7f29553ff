namespace ActorRecorder.Recording.Tests.Recorders;

using System.Text;
using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>
/// The recorder writes on its own turn; records that arrive meanwhile wait in its mailbox and join the
/// next due write (group commit), up to 1 MiB. A <see cref="Gate"/> holds the first write until
/// the spec lets it go, so every spec knows what is queued behind it. None of the recorder's promises
/// moves: order, a stop, a crash and a failed write lose nothing and write nothing twice.
/// </summary>
public sealed class GroupCommitSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    private static readonly RecorderOptions EachEntry = new() { FlushEntries = 1, FlushInterval = TimeSpan.FromHours(1) };

    /// <summary>Starts a recorder and records one entry whose write the gate holds: the recorder is busy until it opens.</summary>
    private async Task<IActorRef> StartWithWriteHeldAsync(string path, Gate gate, RecorderOptions options)
    {
        var recorder = await StartHookedAsync(path, options, write: gate.Hook);
        recorder.Tell(new Record(Direction.Out, Frame.Text("held")));
        await gate.EnteredAsync();
        return recorder;
    }

    [Fact]
    public async Task Records_queued_behind_a_due_one_join_its_write()
    {
        var path = Dir.File();
        using var gate = new Gate();
        var recorder = await StartWithWriteHeldAsync(path, gate, EachEntry);
        for (var i = 0; i < 50; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"queued {i}")));
        gate.Open();
        await FlushAsync(recorder);

        // Each entry is due on its own (FlushEntries = 1), yet the 50 queued ones go in one write.
        Assert.Equal([1, 50], gate.Writes.Select(Lines));
        Assert.Equal(["held", .. Enumerable.Range(0, 50).Select(i => $"queued {i}")], JsonLines(path).Select(Text));
        var stats = await StatsAsync(recorder);
        Assert.Equal((51L, new FileInfo(path).Length, 0L), (stats.Entries, stats.Bytes, stats.Pending));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task A_group_is_written_once_it_reaches_1_MiB_in_whole_lines()
    {
        var path = Dir.File();
        using var gate = new Gate();
        var recorder = await StartWithWriteHeldAsync(path, gate, EachEntry);
        // A line is ~400 KB (300 000 bytes in Base64): two stay below 1 MiB, the third crosses it.
        var payloads = Enumerable.Range(1, 10).Select(i => Enumerable.Repeat((byte)i, 300_000).ToArray()).ToList();
        foreach (var payload in payloads) recorder.Tell(new Record(Direction.In, Frame.Binary(payload)));
        gate.Open();
        await FlushAsync(recorder);

        // After the held one: three groups of 3 lines (each written once past 1 MiB), then the last line.
        Assert.Equal([1, 3, 3, 3, 1], gate.Writes.Select(Lines));
        Assert.All(gate.Writes, w => Assert.EndsWith("\n", w, StringComparison.Ordinal));
        var entries = await RecordingReader.ReadAsync(path).ToListAsync().AsTask().WaitAsync(Bound);
        Assert.Equal("held", entries[0].Data);
        Assert.Equal(payloads, entries.Skip(1).Select(e => e.Frame.Payload.ToArray()));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task A_bounded_mailbox_writes_a_due_buffer_at_once()
    {
        var path = Dir.File();
        using var gate = new Gate();
        var recorder = await StartWithWriteHeldAsync(path, gate, EachEntry with { MailboxCapacity = 100 });
        for (var i = 0; i < 5; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"queued {i}")));
        gate.Open();
        await FlushAsync(recorder);

        // Nothing is told to a bounded mailbox (it could be full): no group, one write per due entry.
        Assert.Equal([1, 1, 1, 1, 1, 1], gate.Writes.Select(Lines));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task A_failed_write_is_logged_counted_and_crashes_and_the_restart_writes_exactly_what_was_lost()
    {
        var path = Dir.File();
        // The first write puts its first entry and a part of the second in the file, then fails: a disk that filled up.
        using var gate = new Gate(failAfter: (bytes, offset) => WritePart(path, bytes[..(bytes.IndexOf((byte)'\n') + 10)], offset));
        var recorder = await StartHookedAsync(path, new RecorderOptions { FlushEntries = 3, FlushInterval = TimeSpan.FromHours(1) }, write: gate.Hook);

        for (var i = 1; i <= 3; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"batch {i}")));
        await gate.EnteredAsync();
        // Queued while the write is held: they come after its entries.
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
    public async Task StopAsync_while_a_write_is_held_lets_it_end_and_writes_what_was_queued_before_the_stop()
    {
        var path = Dir.File();
        using var gate = new Gate();
        var recorder = await StartWithWriteHeldAsync(path, gate, EachEntry);
        recorder.Tell(new Record(Direction.Out, Frame.Text("queued 1")));
        recorder.Tell(new Record(Direction.Out, Frame.Text("queued 2")));

        var stopping = StopAsync(recorder);
        gate.Open();
        await stopping;

        Assert.Equal(["held", "queued 1", "queued 2"], JsonLines(path).Select(Text));
    }

    [Fact]
    public async Task A_Kill_queued_behind_a_held_write_loses_nothing_and_the_next_incarnation_goes_on_after_it()
    {
        var path = Dir.File();
        using var gate = new Gate();
        var recorder = await StartWithWriteHeldAsync(path, gate, EachEntry);
        recorder.Tell(new Record(Direction.Out, Frame.Text("queued")));
        recorder.Tell(Kill.Instance);
        recorder.Tell(new Record(Direction.Out, Frame.Text("after the restart")));
        gate.Open();

        // "queued" is formatted before the Kill; its write was still waiting for the queued records (group commit).
        await AwaitAssertAsync(async () => Assert.Equal(1L, (await StatsAsync(recorder)).Restarts), Bound);
        await FlushAsync(recorder);

        Assert.Equal(["held", "queued", "after the restart"], JsonLines(path).Select(Text));
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

        // Quiet for a flush interval: no buffer and no JSON writer left.
        await AwaitAssertAsync(() =>
        {
            Assert.False(state.Pending.HoldsArray);
            Assert.False(state.HoldsWriter);
            return Task.CompletedTask;
        }, Bound);
        await StopAsync(recorder);
    }

    private static int Lines(string written) => written.Count(c => c == '\n');

    private static void WritePart(string path, ReadOnlySpan<byte> part, long offset)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.Write(handle, part, offset);
    }

    /// <summary>
    /// Holds the recorder's first write (the recorder is busy meanwhile) until <see cref="Open"/>; then lets
    /// it go on, or runs <c>failAfter</c> and fails it as a full disk would. Later writes pass. Keeps every
    /// write's bytes, as text, in order.
    /// </summary>
    private sealed class Gate(Action<ReadOnlySpan<byte>, long>? failAfter = null) : IDisposable
    {
        private readonly SemaphoreSlim _entered = new(0);
        private readonly ManualResetEventSlim _open = new();
        private readonly List<string> _writes = [];

        public WriteHook Hook => OnWrite;

        /// <summary>The bytes of every write so far (the failed one included).</summary>
        public IReadOnlyList<string> Writes
        {
            get
            {
                lock (_writes) return [.. _writes];
            }
        }

        public Task EnteredAsync() => _entered.WaitAsync(Bound);

        public void Open() => _open.Set();

        public void Dispose()
        {
            _open.Set();
            _entered.Dispose();
        }

        private void OnWrite(ReadOnlySpan<byte> bytes, long offset)
        {
            int count;
            lock (_writes)
            {
                _writes.Add(Encoding.UTF8.GetString(bytes));
                count = _writes.Count;
            }
            if (count != 1) return;
            _entered.Release();
            if (!_open.Wait(Bound)) throw new TimeoutException("The spec never opened the gate.");
            if (failAfter is null) return;
            failAfter(bytes, offset);
            throw new IOException("No space left on device (the spec's full disk)");
        }
    }
}

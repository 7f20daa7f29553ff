namespace ActorRecorder.Recording.Tests.Recorders;

using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>ZenWebsocket's flush specs: on demand, on a timer and on a threshold; plus the byte threshold and fsync.</summary>
public sealed class FlushSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    private static readonly RecorderOptions NoTimer = new() { FlushInterval = TimeSpan.FromHours(1) };

    [Fact]
    public async Task Flush_writes_the_buffered_entries_to_the_file()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, NoTimer);

        recorder.Tell(new Record(Direction.Out, Frame.Text("buffered")));
        Assert.Equal(0, new FileInfo(path).Length);
        Assert.Same(Flushed.Instance, await FlushAsync(recorder));

        Assert.Contains("buffered", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        await StopAsync(recorder);
    }

    [Fact]
    public async Task The_timer_flushes_what_has_been_waiting()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, new RecorderOptions { FlushInterval = TimeSpan.FromMilliseconds(50) });

        recorder.Tell(new Record(Direction.Out, Frame.Text("buffered-via-timer")));

        await AwaitAssertAsync(async () =>
        {
            var stats = await StatsAsync(recorder);
            Assert.Equal((1L, 0L), (stats.Entries, stats.Pending));
        }, Bound);
        Assert.Contains("buffered-via-timer", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        await StopAsync(recorder);
    }

    [Fact]
    public async Task Reaching_the_entry_threshold_flushes()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, NoTimer);

        for (var i = 1; i <= 99; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"msg {i}")));
        Assert.Equal((0L, 99L), Figures(await StatsAsync(recorder)));

        // The 100th makes the buffer due: it is written with no Flush and no timer.
        recorder.Tell(new Record(Direction.Out, Frame.Text("msg 100")));
        await AwaitAssertAsync(async () => Assert.Equal((100L, 0L), Figures(await StatsAsync(recorder))), Bound);

        for (var i = 101; i <= 150; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"msg {i}")));
        Assert.Equal((100L, 50L), Figures(await StatsAsync(recorder)));
        Assert.Equal(100, JsonLines(path).Count);
        await StopAsync(recorder);
    }

    [Fact]
    public async Task Reaching_the_byte_threshold_flushes()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, NoTimer with { FlushBytes = 1000 });
        var text = new string('x', 300);

        // A line is about 380 bytes: two stay below 1000 bytes, the third crosses it and the three are written.
        for (var i = 0; i < 2; i++) recorder.Tell(new Record(Direction.Out, Frame.Text(text)));
        Assert.Equal((0L, 2L), Figures(await StatsAsync(recorder)));
        recorder.Tell(new Record(Direction.Out, Frame.Text(text)));
        await AwaitAssertAsync(async () => Assert.Equal((3L, 0L), Figures(await StatsAsync(recorder))), Bound);

        for (var i = 0; i < 2; i++) recorder.Tell(new Record(Direction.Out, Frame.Text(text)));
        Assert.Equal((3L, 2L), Figures(await StatsAsync(recorder)));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task With_fsync_a_flush_completes_once_the_entries_are_on_disk()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, NoTimer with { Fsync = true, FlushEntries = 2 });

        for (var i = 0; i < 3; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"durable {i}")));
        await FlushAsync(recorder);

        Assert.Equal(3, JsonLines(path).Count);
        await StopAsync(recorder);
    }

    private static (long Entries, long Pending) Figures(RecorderStats stats) => (stats.Entries, stats.Pending);
}

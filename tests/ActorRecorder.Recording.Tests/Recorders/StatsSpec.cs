namespace ActorRecorder.Recording.Tests.Recorders;

using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>ZenWebsocket's stats specs (entries, bytes), and what is pending before a flush.</summary>
public sealed class StatsSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task Returns_the_entries_and_bytes_written_after_a_flush()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path);

        recorder.Tell(new Record(Direction.Out, Frame.Text("hello")));
        recorder.Tell(new Record(Direction.Out, Frame.Text("world")));
        await FlushAsync(recorder);
        var stats = await StatsAsync(recorder);

        Assert.Equal(2, stats.Entries);
        Assert.Equal(new FileInfo(path).Length, stats.Bytes);
        Assert.True(stats.Bytes > 0);
        await StopAsync(recorder);
    }

    [Fact]
    public async Task Returns_zeros_before_any_recording()
    {
        var recorder = await StartAsync(Dir.File());

        Assert.Equal(new RecorderStats(0, 0, 0, 0, 0, 0, 0), await StatsAsync(recorder));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task Counts_entries_as_pending_before_the_flush_and_as_written_after()
    {
        var recorder = await StartAsync(Dir.File(), new RecorderOptions { FlushInterval = TimeSpan.FromHours(1) });

        recorder.Tell(new Record(Direction.Out, Frame.Text("hello")));
        recorder.Tell(new Record(Direction.In, Frame.Text("world")));
        var before = await StatsAsync(recorder);
        await FlushAsync(recorder);
        var after = await StatsAsync(recorder);

        Assert.Equal((0L, 0L, 2L), (before.Entries, before.Bytes, before.Pending));
        Assert.True(before.PendingBytes > 0);
        Assert.Equal((2L, before.PendingBytes, 0L, 0L), (after.Entries, after.Bytes, after.Pending, after.PendingBytes));
        await StopAsync(recorder);
    }
}

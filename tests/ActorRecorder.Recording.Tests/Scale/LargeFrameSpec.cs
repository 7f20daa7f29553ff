namespace ActorRecorder.Recording.Tests.Scale;

using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

public sealed class LargeFrameSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task A_10_MB_binary_frame_is_recorded_and_read_back_intact()
    {
        var payload = new byte[10 * 1024 * 1024];
        new Random(42).NextBytes(payload);
        var path = Dir.File();
        var recorder = await StartAsync(path);

        recorder.Tell(new Record(Direction.In, Frame.Text("before")));
        recorder.Tell(new Record(Direction.In, Frame.Binary(payload)));
        recorder.Tell(new Record(Direction.Out, Frame.Text("after")));
        await FlushAsync(recorder);
        var stats = await StatsAsync(recorder);
        await StopAsync(recorder);

        Assert.Equal(3, stats.Entries);
        Assert.Equal(new FileInfo(path).Length, stats.Bytes);
        var entries = await RecordingReader.ReadAsync(path).ToListAsync().AsTask().WaitAsync(Bound);
        Assert.Equal(3, entries.Count);
        Assert.Equal("before", entries[0].Data);
        Assert.True(entries[1].Frame.Payload.Span.SequenceEqual(payload));
        Assert.Equal("after", entries[2].Data);
    }
}

namespace ActorRecorder.Recording.Tests.Scale;

using ActorRecorder.Actors;
using ActorRecorder.Recording.Tests.Support;
using Xunit;
using Record = ActorRecorder.Recording.Record;
using Xunit.Abstractions;

public sealed class ManyRecordersSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task A_thousand_recorders_record_at_once()
    {
        const int count = 1_000;
        var paths = Enumerable.Range(0, count).Select(i => Dir.File($"session-{i}.jsonl")).ToList();

        var recorders = await Task.WhenAll(paths.Select(p => StartAsync(p))).WaitAsync(Bound);
        Assert.Equal(count, (await RecorderHost.ChildrenAsync(Sys, Bound)).Count);
        for (var i = 0; i < count; i++)
        {
            recorders[i].Tell(new Record(Direction.In, Frame.Text($"hello {i}")));
            recorders[i].Tell(new Record(Direction.Out, Frame.Text($"bye {i}")));
        }
        await Task.WhenAll(recorders.Select(StopAsync)).WaitAsync(Bound);

        for (var i = 0; i < count; i++) Assert.Equal([$"hello {i}", $"bye {i}"], JsonLines(paths[i]).Select(Text));
        Assert.Empty(await RecorderHost.ChildrenAsync(Sys, Bound));
    }
}

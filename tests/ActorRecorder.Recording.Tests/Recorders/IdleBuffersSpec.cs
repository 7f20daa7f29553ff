namespace ActorRecorder.Recording.Tests.Recorders;

using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>
/// Many sessions are open and quiet: however its last entry was written (by the timer, at once by a
/// bounded mailbox, or as a group of 1 MiB), a recorder gives its buffer and JSON writer back one quiet
/// flush interval later.
/// </summary>
public sealed class IdleBuffersSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task After_a_write_by_the_timer()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, new RecorderOptions { FlushInterval = Interval });
        recorder.Tell(new Record(Direction.Out, Frame.Text("one")));
        await AwaitIdleAfterOneEntryAsync(path, recorder);
    }

    [Fact]
    public async Task After_a_write_at_once_by_a_bounded_mailbox()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, new RecorderOptions { FlushEntries = 1, MailboxCapacity = 100, FlushInterval = Interval });
        recorder.Tell(new Record(Direction.Out, Frame.Text("one")));
        await AwaitIdleAfterOneEntryAsync(path, recorder);
    }

    [Fact]
    public async Task After_a_write_at_once_of_a_line_of_1_MiB_or_more()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, new RecorderOptions { FlushInterval = Interval });
        recorder.Tell(new Record(Direction.In, Frame.Binary(new byte[800_000])));
        await AwaitIdleAfterOneEntryAsync(path, recorder);
    }

    private async Task AwaitIdleAfterOneEntryAsync(string path, IActorRef recorder)
    {
        var state = StateOf(path);
        await AwaitAssertAsync(async () =>
        {
            var stats = await StatsAsync(recorder);
            Assert.Equal((1L, 0L), (stats.Entries, stats.Pending));
            Assert.False(state.Pending.HoldsArray, "the idle recorder still holds its buffer");
            Assert.False(state.HoldsWriter, "the idle recorder still holds its JSON writer");
        }, Bound);
        await StopAsync(recorder);
    }
}

namespace ActorRecorder.Recording.Tests.Options;

using ActorRecorder.Actors;
using ActorRecorder.Recording.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Record = ActorRecorder.Recording.Record;
using Xunit.Abstractions;

/// <summary>Without options, a recorder takes them from the system's configuration.</summary>
public sealed class ConfiguredSystemSpec(ITestOutputHelper output)
    : TestKit("actor-recorder.recorder { flush-entries = 2, flush-interval = 1h }", output)
{
    [Fact]
    public async Task A_recorder_started_without_options_uses_the_systems_configuration()
    {
        using var dir = new TempDirectory();
        var recorder = await Recorder.StartAsync(Sys, dir.File()).WaitAsync(TimeSpan.FromSeconds(30));

        // flush-entries = 2 from the configuration: the second record makes the buffer due, and it is written.
        recorder.Tell(new Record(Direction.Out, Frame.Text("m0")));
        var first = await recorder.Ask<RecorderStats>(GetStats.Instance);
        Assert.Equal((0L, 1L), (first.Entries, first.Pending));
        recorder.Tell(new Record(Direction.Out, Frame.Text("m1")));
        await AwaitAssertAsync(async () =>
        {
            var stats = await recorder.Ask<RecorderStats>(GetStats.Instance);
            Assert.Equal((2L, 0L), (stats.Entries, stats.Pending));
        }, TimeSpan.FromSeconds(30));
        await Recorder.StopAsync(recorder);
    }
}

namespace ActorRecorder.Recording.Tests.Options;

using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>Without options, a recorder takes them from the system's configuration.</summary>
public sealed class ConfiguredSystemSpec(ITestOutputHelper output)
    : RecorderSpec(output, "actor-recorder.recorder { flush-entries = 2, flush-interval = 1h }")
{
    [Fact]
    public async Task A_recorder_started_without_options_uses_the_systems_configuration()
    {
        var recorder = await StartAsync(Dir.File());

        // flush-entries = 2 from the configuration: the second record makes the buffer due, and it is written.
        recorder.Tell(new Record(Direction.Out, Frame.Text("m0")));
        var first = await StatsAsync(recorder);
        Assert.Equal((0L, 1L), (first.Entries, first.Pending));
        recorder.Tell(new Record(Direction.Out, Frame.Text("m1")));
        await AwaitAssertAsync(async () =>
        {
            var stats = await StatsAsync(recorder);
            Assert.Equal((2L, 0L), (stats.Entries, stats.Pending));
        }, Bound);
        await StopAsync(recorder);
    }

    [Fact]
    public void The_product_defaults_are_added_under_the_systems_own_configuration()
    {
        // The registry adds reference.conf's actor-recorder section as a fallback: the system's own values win,
        // and the keys it does not set come from the defaults.
        _ = RecorderRegistry.Get(Sys);

        var options = RecorderOptions.FromConfig(Sys.Settings.Config);

        Assert.Equal(RecorderOptions.Default with { FlushEntries = 2, FlushInterval = TimeSpan.FromHours(1) }, options);
        Assert.True(Sys.Settings.Config.HasPath("actor-recorder.recorder.flush-bytes"), "reference.conf's defaults are not in the system's config");
    }
}

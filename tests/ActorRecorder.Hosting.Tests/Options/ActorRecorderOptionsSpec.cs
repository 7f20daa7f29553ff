using ActorRecorder.Hosting.Tests.Support;
using ActorRecorder.Recording;
using ActorRecorder.Testing;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Hosting.Tests.Options;

/// <summary><see cref="ActorRecorderOptions"/> and <c>WithRecording</c>'s options become the actor system's HOCON.</summary>
public sealed class ActorRecorderOptionsSpec(ITestOutputHelper output) : HostSpec(output)
{
    [Fact]
    public async Task The_options_set_are_written_and_the_others_keep_the_reference_defaults()
    {
        var host = await StartHostAsync(akka => akka.WithActorRecorder(new ActorRecorderOptions
        {
            DrainTimeout = TimeSpan.FromMilliseconds(1500),
            RecordersIntensity = new RestartIntensity(20, TimeSpan.FromSeconds(2)),
        }));

        var config = SystemOf(host).Settings.Config;
        Assert.Equal(TimeSpan.FromMilliseconds(1500), ListenersOf(host).ShutdownDrainTimeout);
        Assert.Equal(20, config.GetInt("actor-recorder.supervision.recorders.intensity"));
        Assert.Equal(TimeSpan.FromSeconds(2), config.GetTimeSpan("actor-recorder.supervision.recorders.period"));
        Assert.Equal(3, config.GetInt("actor-recorder.supervision.root.intensity"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("actor-recorder.otp.call-timeout"));
    }

    [Fact]
    public void An_option_out_of_range_is_refused_naming_the_option_its_key_and_its_value()
    {
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), "invalid");

        var error = Assert.Throws<ArgumentException>(() =>
            builder.WithActorRecorder(o => o.ListenersIntensity = new RestartIntensity(-1, TimeSpan.FromSeconds(5))));

        Assert.Equal("ListenersIntensity", error.ParamName);
        Assert.Contains("actor-recorder.supervision.listeners.intensity", error.Message, StringComparison.Ordinal);
        Assert.Contains("-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithRecording_writes_the_recorder_options_that_the_sessions_recorders_read()
    {
        using var directory = new TempDirectory();
        var options = new RecorderOptions
        {
            FlushEntries = 7,
            FlushInterval = TimeSpan.FromMilliseconds(250),
            FlushBytes = 4096,
            Fsync = true,
            RecordControlFrames = true,
            MailboxCapacity = 1000,
            FileMode = RecorderFileMode.Append,
        };

        var host = await StartHostAsync(akka => akka.WithRecording(directory.Path, options));

        var config = SystemOf(host).Settings.Config;
        Assert.Equal(options, RecorderOptions.FromConfig(config));
        Assert.Equal(directory.Path, config.GetString("actor-recorder.http.record-to"));
    }

    [Fact]
    public void WithRecording_refuses_a_file_for_a_directory_and_an_owner_for_every_recorder()
    {
        using var directory = new TempDirectory();
        var file = directory.WriteLines("not-a-directory.txt", "x");
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), "invalid");

        var notDirectory = Assert.Throws<ArgumentException>(() => builder.WithRecording(file));
        Assert.Contains(file, notDirectory.Message, StringComparison.Ordinal);

        var owner = Assert.Throws<ArgumentException>(() => builder.WithRecording(directory.Path, new RecorderOptions { Owner = ActorRefs.Nobody }));
        Assert.Contains("Owner", owner.Message, StringComparison.Ordinal);
    }
}

namespace ActorRecorder.Recording.Tests.Options;

using ActorRecorder.Hocon;
using Xunit;

public sealed class RecorderOptionsSpec
{
    [Fact]
    public void The_defaults_are_ZenWebsockets_and_those_of_reference_conf()
    {
        var d = RecorderOptions.Default;
        Assert.Equal((100, TimeSpan.FromSeconds(1), 64 * 1024, false, false, (int?)null, RecorderFileMode.Truncate),
            (d.FlushEntries, d.FlushInterval, d.FlushBytes, d.Fsync, d.RecordControlFrames, d.MailboxCapacity, d.FileMode));
        Assert.Equal(d, RecorderOptions.FromConfig(ActorRecorder.Actors.ActorSystemSettings.Default.Config));
        Assert.Equal(d, RecorderOptions.FromConfig(ConfigurationFactory.Empty));
    }

    [Theory]
    [InlineData("FlushEntries", "flush-entries", "0")]
    [InlineData("FlushInterval", "flush-interval", "00:00:00")]
    [InlineData("FlushBytes", "flush-bytes", "-1")]
    [InlineData("MailboxCapacity", "mailbox-capacity", "0")]
    [InlineData("FileMode", "file-mode", "7")]
    public void An_invalid_option_is_named_with_its_key_and_value(string option, string key, string value)
    {
        var options = option switch
        {
            "FlushEntries" => new RecorderOptions { FlushEntries = 0 },
            "FlushInterval" => new RecorderOptions { FlushInterval = TimeSpan.Zero },
            "FlushBytes" => new RecorderOptions { FlushBytes = -1 },
            "MailboxCapacity" => new RecorderOptions { MailboxCapacity = 0 },
            _ => new RecorderOptions { FileMode = (RecorderFileMode)7 },
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(option, error.ParamName);
        Assert.Contains($"{option} (actor-recorder.recorder.{key}) = {value}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_every_option_from_HOCON()
    {
        var config = ConfigurationFactory.ParseString("""
            actor-recorder.recorder {
              flush-entries = 10
              flush-interval = 250ms
              flush-bytes = 8KiB
              fsync = on
              record-control-frames = yes
              mailbox-capacity = 500
              file-mode = append
            }
            """);

        var options = RecorderOptions.FromConfig(config);

        Assert.Equal(new RecorderOptions
        {
            FlushEntries = 10, FlushInterval = TimeSpan.FromMilliseconds(250), FlushBytes = 8192, Fsync = true,
            RecordControlFrames = true, MailboxCapacity = 500, FileMode = RecorderFileMode.Append,
        }, options);
    }

    [Theory]
    [InlineData("flush-entries = 0", "actor-recorder.recorder.flush-entries")]
    [InlineData("file-mode = rewrite", "actor-recorder.recorder.file-mode")]
    [InlineData("mailbox-capacity = -5", "actor-recorder.recorder.mailbox-capacity")]
    public void A_bad_configuration_value_is_named_with_its_key(string line, string key)
    {
        var config = ConfigurationFactory.ParseString($"actor-recorder.recorder {{ {line} }}");

        var error = Assert.Throws<ArgumentException>(() => RecorderOptions.FromConfig(config));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}

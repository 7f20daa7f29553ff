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
        // reference.conf as the recorder assembly embeds it (and adds it to every system's config), read by the project's loader.
        Assert.Equal(d, RecorderOptions.FromConfig(HoconLoader.FromResource(typeof(RecorderOptions).Assembly, "ActorRecorder.reference.conf")));
        Assert.Equal(d, RecorderOptions.FromConfig(Akka.Configuration.Config.Empty));
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
        var config = HoconLoader.ParseString("""
            actor-recorder.recorder {
              flush-entries = 10
              flush-interval = 250ms
              flush-bytes = 8KiB
              fsync = on
              record-control-frames = true
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

    // HOCON's booleans are true/false, on/off and yes/no; the project's own Config (ActorRecorder.Hocon) read all six and
    // this spec file used "yes" before the port. Akka's Config.GetBoolean, which FromConfig now calls for fsync and
    // record-control-frames (RecorderOptions.Config.cs), knows only the first four. Unskip once FromConfig reads all six.
    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    public void Reads_HOCONs_yes_and_no_as_booleans(string word, bool value)
    {
        var config = HoconLoader.ParseString($"actor-recorder.recorder {{ fsync = {word}, record-control-frames = {word} }}");

        var options = RecorderOptions.FromConfig(config);

        Assert.Equal((value, value), (options.Fsync, options.RecordControlFrames));
    }

    [Theory]
    [InlineData("flush-entries", "0")]
    [InlineData("file-mode", "rewrite")]
    [InlineData("mailbox-capacity", "-5")]
    [InlineData("flush-entries", "lots")]
    [InlineData("flush-interval", "soon")]
    [InlineData("fsync", "sometimes")]
    [InlineData("mailbox-capacity", "many")]
    public void A_bad_configuration_value_is_named_with_its_key_and_value(string key, string value)
    {
        var config = HoconLoader.ParseString($"actor-recorder.recorder {{ {key} = {value} }}");

        var error = Assert.Throws<ArgumentException>(() => RecorderOptions.FromConfig(config));

        Assert.Contains($"(actor-recorder.recorder.{key}) = {value}", error.Message, StringComparison.Ordinal);
    }
}

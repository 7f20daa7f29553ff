using ActorRecorder.Hocon;

namespace ActorRecorder.Recording;

/// <summary>Reading recorder options from HOCON (<c>actor-recorder.recorder</c> in <c>reference.conf</c>).</summary>
public sealed partial record RecorderOptions
{
    /// <summary>The section of the configuration the options are read from.</summary>
    public const string ConfigSection = "actor-recorder.recorder";

    private const string KeyFlushEntries = ConfigSection + ".flush-entries";
    private const string KeyFlushInterval = ConfigSection + ".flush-interval";
    private const string KeyFlushBytes = ConfigSection + ".flush-bytes";
    private const string KeyFsync = ConfigSection + ".fsync";
    private const string KeyRecordControlFrames = ConfigSection + ".record-control-frames";
    private const string KeyMailboxCapacity = ConfigSection + ".mailbox-capacity";
    private const string KeyFileMode = ConfigSection + ".file-mode";

    /// <summary>
    /// Options read from <c>actor-recorder.recorder</c> in <paramref name="config"/>; a missing key keeps
    /// its default. <see cref="Recorder.StartAsync"/> uses the system's configuration when no options are given.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range or not one of the allowed words; the message names the key and the value.</exception>
    /// <exception cref="ConfigException">A value has the wrong type (e.g. text where a number is expected).</exception>
    public static RecorderOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = Default;
        var options = new RecorderOptions
        {
            FlushEntries = config.GetInt(KeyFlushEntries, d.FlushEntries),
            FlushInterval = config.GetTimeSpan(KeyFlushInterval, d.FlushInterval),
            FlushBytes = ToInt(config.GetByteSize(KeyFlushBytes, d.FlushBytes), nameof(FlushBytes), KeyFlushBytes),
            Fsync = config.GetBoolean(KeyFsync, d.Fsync),
            RecordControlFrames = config.GetBoolean(KeyRecordControlFrames, d.RecordControlFrames),
            MailboxCapacity = ReadCapacity(config),
            FileMode = ReadFileMode(config),
        };
        options.Validate();
        return options;
    }

    private static int ToInt(long value, string option, string key)
    {
        Require(value is >= int.MinValue and <= int.MaxValue, option, key, value, "must fit in 2 GiB");
        return (int)value;
    }

    private static int? ReadCapacity(Config config)
    {
        if (!config.HasPath(KeyMailboxCapacity)) return null;
        var text = config.GetString(KeyMailboxCapacity);
        if (string.Equals(text, "unbounded", StringComparison.OrdinalIgnoreCase)) return null;
        return config.GetInt(KeyMailboxCapacity);
    }

    private static RecorderFileMode ReadFileMode(Config config)
    {
        var text = config.GetString(KeyFileMode, "truncate")!;
        if (string.Equals(text, "truncate", StringComparison.OrdinalIgnoreCase)) return RecorderFileMode.Truncate;
        if (string.Equals(text, "append", StringComparison.OrdinalIgnoreCase)) return RecorderFileMode.Append;
        throw new ArgumentException($"Invalid recorder option {nameof(FileMode)} ({KeyFileMode}) = {text}: it must be truncate or append.", nameof(FileMode));
    }
}

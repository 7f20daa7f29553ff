using Akka.Configuration;

namespace ActorRecorder.Recording;

/// <summary>Reading recorder options from the system's configuration (<c>actor-recorder.recorder</c> in <c>reference.conf</c>).</summary>
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
    /// Options read from <c>actor-recorder.recorder</c> in <paramref name="config"/> (an Akka <see cref="Config"/>, such as
    /// <c>system.Settings.Config</c>); a missing key keeps its default. <see cref="Recorder.StartAsync"/>
    /// uses the system's configuration when no options are given.
    /// </summary>
    /// <exception cref="ArgumentException">A value has the wrong type, is out of range or is not one of the allowed words; the message names the key and the value.</exception>
    public static RecorderOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = Default;
        var options = new RecorderOptions
        {
            FlushEntries = Read(config, KeyFlushEntries, nameof(FlushEntries), d.FlushEntries, c => c.GetInt(KeyFlushEntries)),
            FlushInterval = Read(config, KeyFlushInterval, nameof(FlushInterval), d.FlushInterval, c => c.GetTimeSpan(KeyFlushInterval, allowInfinite: false)),
            FlushBytes = Read(config, KeyFlushBytes, nameof(FlushBytes), d.FlushBytes, c => ToInt(c.GetByteSize(KeyFlushBytes) ?? d.FlushBytes)),
            Fsync = Read(config, KeyFsync, nameof(Fsync), d.Fsync, c => ReadBoolean(c, KeyFsync)),
            RecordControlFrames = Read(config, KeyRecordControlFrames, nameof(RecordControlFrames), d.RecordControlFrames, c => ReadBoolean(c, KeyRecordControlFrames)),
            MailboxCapacity = Read(config, KeyMailboxCapacity, nameof(MailboxCapacity), d.MailboxCapacity, ReadCapacity),
            FileMode = Read(config, KeyFileMode, nameof(FileMode), d.FileMode, ReadFileMode),
        };
        options.Validate();
        return options;
    }

    /// <summary>Reads one key, keeping the default when it is missing and naming the key and the value when it cannot be read.</summary>
    private static T Read<T>(Config config, string key, string option, T fallback, Func<Config, T> read)
    {
        if (!config.HasPath(key)) return fallback;
        try
        {
            return read(config);
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            throw new ArgumentException($"Invalid recorder option {option} ({key}) = {config.GetString(key)}: {e.Message}", option, e);
        }
    }

    /// <summary>HOCON's booleans: true/false, on/off and yes/no (Akka's getter knows only the first four).</summary>
    private static bool ReadBoolean(Config config, string key) => config.GetString(key)?.ToLowerInvariant() switch
    {
        "true" or "on" or "yes" => true,
        "false" or "off" or "no" => false,
        _ => throw new FormatException("it must be true or false (on/off, yes/no)"),
    };

    private static int ToInt(long value) =>
        value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new FormatException("it must fit in 2 GiB");

    private static int? ReadCapacity(Config config)
    {
        var text = config.GetString(KeyMailboxCapacity);
        if (string.Equals(text, "unbounded", StringComparison.OrdinalIgnoreCase)) return null;
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var capacity)
            ? capacity
            : throw new FormatException("it must be a whole number of messages, or unbounded");
    }

    private static RecorderFileMode ReadFileMode(Config config)
    {
        var text = config.GetString(KeyFileMode);
        if (string.Equals(text, "truncate", StringComparison.OrdinalIgnoreCase)) return RecorderFileMode.Truncate;
        if (string.Equals(text, "append", StringComparison.OrdinalIgnoreCase)) return RecorderFileMode.Append;
        throw new FormatException("it must be truncate or append");
    }
}

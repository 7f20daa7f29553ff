using Akka.Actor;

namespace ActorRecorder.Recording;

/// <summary>
/// How a recorder buffers, flushes and protects itself. The defaults are ZenWebsocket's (flush every
/// 100 entries or every second, truncate the file) plus a byte threshold; the same defaults are in
/// <c>reference.conf</c> under <c>actor-recorder.recorder</c> (see <see cref="FromConfig"/>).
/// Invalid values throw <see cref="ArgumentException"/> naming the option and the value.
/// </summary>
public sealed partial record RecorderOptions
{
    /// <summary>The defaults.</summary>
    public static RecorderOptions Default { get; } = new();

    /// <summary>Write the buffered entries once this many are pending. Default 100.</summary>
    public int FlushEntries { get; init; } = 100;

    /// <summary>Write buffered entries at least this often (an entry waits at most about this long). Default 1 s.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Write the buffered entries once they take this many bytes. Default 64 KiB. Records already waiting
    /// in the recorder's mailbox join a due write, up to 1 MiB or this if larger (one larger write costs
    /// less than several small ones); with a bounded mailbox a due buffer is written at once.
    /// </summary>
    public int FlushBytes { get; init; } = 64 * 1024;

    /// <summary>fsync after every write, so that a <see cref="Flushed"/> reply means "on disk". Default off.</summary>
    public bool Fsync { get; init; }

    /// <summary>Record ping and pong frames too. Default off: they are ignored, as ZenWebsocket does.</summary>
    public bool RecordControlFrames { get; init; }

    /// <summary>
    /// The most messages waiting in the recorder's mailbox; null (the default) for unbounded. When the
    /// mailbox is full, the newest message is dropped, never blocking the session; dropped records are
    /// counted in <see cref="RecorderStats.Dropped"/>. A full mailbox drops a Flush or GetStats too, whose Ask then times out.
    /// </summary>
    public int? MailboxCapacity { get; init; }

    /// <summary>How the file is opened at the first start. Default <see cref="RecorderFileMode.Truncate"/>; a restart always appends.</summary>
    public RecorderFileMode FileMode { get; init; } = RecorderFileMode.Truncate;

    /// <summary>
    /// The session that owns the recording, if any. The recorder watches it: when it terminates, for
    /// whatever reason (a crash included), the recorder flushes, closes its file and stops.
    /// </summary>
    public IActorRef? Owner { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option, its configuration key and its value.</summary>
    public void Validate()
    {
        Require(FlushEntries >= 1, nameof(FlushEntries), KeyFlushEntries, FlushEntries, "must be at least 1");
        Require(FlushInterval > TimeSpan.Zero && FlushInterval <= MaxFlushInterval, nameof(FlushInterval), KeyFlushInterval, FlushInterval,
            $"must be positive and at most {MaxFlushInterval.TotalDays:0} days");
        Require(FlushBytes >= 1, nameof(FlushBytes), KeyFlushBytes, FlushBytes, "must be at least 1");
        Require(MailboxCapacity is null or >= 1, nameof(MailboxCapacity), KeyMailboxCapacity, MailboxCapacity, "must be at least 1, or null (unbounded)");
        Require(Enum.IsDefined(FileMode), nameof(FileMode), KeyFileMode, FileMode, "must be Truncate or Append");
    }

    // The scheduler's timers are not meant for longer delays; nobody wants to wait longer for a flush.
    private static readonly TimeSpan MaxFlushInterval = TimeSpan.FromDays(1);

    private static void Require(bool valid, string option, string key, object? value, string rule)
    {
        if (!valid)
            throw new ArgumentException($"Invalid recorder option {option} ({key}) = {value?.ToString() ?? "null"}: it {rule}.", option);
    }
}

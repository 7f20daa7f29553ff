using Akka.Actor;

namespace ActorRecorder.Recording;

/// <summary>
/// What a recorder keeps across its incarnations: the figures, the entries not yet written and the
/// position of a write that failed. The props hand the same state to every new instance, so a crash
/// loses neither counts nor buffered entries. Touched only by the running instance, except
/// <see cref="Dropped"/> (counted by whoever's Tell found the bounded mailbox full).
/// </summary>
internal sealed class RecorderState
{
    private JsonlEntryWriter? _writer;
    private long _dropped;

    public RecorderState(string path, RecorderOptions options, RecorderHooks hooks)
    {
        Path = path;
        Options = options;
        Hooks = hooks;
        Pending = new PendingBuffer();
    }

    public string Path { get; }

    public RecorderOptions Options { get; }

    public RecorderHooks Hooks { get; }

    /// <summary>Formatted entries waiting to be written.</summary>
    public PendingBuffer Pending { get; }

    /// <summary>Formats entries into <see cref="Pending"/>; made on first use after the recorder was idle.</summary>
    public JsonlEntryWriter Writer => _writer ??= new JsonlEntryWriter(Pending);

    /// <summary>Whether <see cref="Writer"/> is made (specs check that an idle recorder holds none).</summary>
    public bool HoldsWriter => _writer is not null;

    /// <summary>The recorder, once its first incarnation started.</summary>
    public IActorRef? Self { get; set; }

    /// <summary>Incarnations that opened the file; 0 until the first start, after which the file is always appended to.</summary>
    public int Starts { get; set; }

    public long Entries { get; set; }

    public long Bytes { get; set; }

    public long Failures { get; set; }

    public long Restarts { get; set; }

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Where a failed write began in the file, so the next incarnation can tell what reached it; -1 when none.</summary>
    public long FailedWriteAt { get; set; } = -1;

    /// <summary>Bytes reached the file that no fsync has covered yet (a write or an fsync failed); with Fsync on, the next write fsyncs even with nothing pending.</summary>
    public bool SyncOwed { get; set; }

    /// <summary>The last write error.</summary>
    public Exception? LastFailure { get; set; }

    public void CountDropped() => Interlocked.Increment(ref _dropped);

    /// <summary>
    /// A flush tick found nothing pending (nothing came since the last write): the JSON writer and its
    /// text writer (a few hundred bytes) are made again at the next entry, and the empty buffer kept
    /// while busy goes back to the pool. Many sessions are open and quiet.
    /// </summary>
    public void ReleaseBuffers()
    {
        _writer = null;
        Pending.Clear();
    }

    /// <summary>The figures.</summary>
    public RecorderStats Snapshot() =>
        new(Entries, Bytes, Pending.Entries, Pending.Length, Dropped, Failures, Restarts);
}

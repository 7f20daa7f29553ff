using ActorRecorder.Actors;

namespace ActorRecorder.Recording;

/// <summary>
/// A full buffer of whole entries written (and fsynced if asked) by a writer thread
/// (on the thread pool) while the recorder formats the next entries into a fresh buffer.
/// The recorder reads its outcome only once <see cref="IsCompleted"/>; the write tells it
/// <see cref="WriteCheck"/> when it ends if the recorder asked for it (<see cref="Want"/>) or if it failed.
/// </summary>
/// <remarks>
/// <para>
/// The recorder may hand over one more full buffer while this one is being written (<see cref="Chain"/>):
/// the thread that writes this one then writes that one right after, so the disk never waits for a
/// thread to wake up; a successor is only written after a success, at the offset where this one ends.
/// </para>
/// <para>
/// Whoever comes first runs a write: a writer thread, or the recorder itself when no thread has taken
/// it yet (<see cref="TryRunHere"/>, <see cref="Wait"/>), so that a stop never waits for a thread to
/// come free, and a machine with no core to spare does not make the recorder wait for one.
/// </para>
/// </remarks>
internal sealed class WriteBatch : IThreadPoolWorkItem
{
    private const int Queued = 0;
    private const int Running = 1;
    private const int Done = 2;

    private const int Nobody = 0;
    private const int Wanted = 1;
    private const int Awaiting = 2;

    // The hand-over of Next: open until the recorder offers it or the writer, done, seals it.
    private const int Open = 0;
    private const int Offered = 1;
    private const int Sealed = 2;

    private readonly bool _fsync;
    private readonly WriteHook? _hook;
    private readonly IActorRef? _notify;
    private readonly TaskCompletionSource _completion = new();
    private byte[]? _array;
    private int _state;
    private int _handoff;

    // Who waits for the end of the write: nobody (a WriteCheck only for a failure, so that the recorder
    // crashes at once), the recorder with a due buffer (a WriteCheck), or the recorder awaiting it (nothing).
    private int _interest;

    /// <summary>Takes bytes detached from the pending buffer, to write them at <paramref name="offset"/> of <paramref name="file"/>.</summary>
    /// <param name="file">The file.</param>
    /// <param name="offset">Where the bytes go: where the file, or the batch written before, ends.</param>
    /// <param name="taken">The bytes (from <see cref="PendingBuffer.Detach"/>): the array, its used length, the entries in it.</param>
    /// <param name="fsync">Whether to fsync after the write.</param>
    /// <param name="hook">Called before the write (specs).</param>
    /// <param name="notify">Told <see cref="WriteCheck"/> once the write has ended (see <see cref="Want"/>), if not null.</param>
    public WriteBatch(RecordingFile file, long offset, (byte[]? Array, int Length, int Entries) taken, bool fsync, WriteHook? hook, IActorRef? notify)
    {
        File = file;
        Offset = offset;
        _fsync = fsync;
        _hook = hook;
        _notify = notify;
        (_array, Length, Entries) = taken;
    }

    /// <summary>The file the bytes go to.</summary>
    public RecordingFile File { get; }

    /// <summary>Where in the file the bytes go.</summary>
    public long Offset { get; }

    /// <summary>Bytes to write.</summary>
    public int Length { get; }

    /// <summary>Whole entries in the bytes.</summary>
    public int Entries { get; }

    /// <summary>Where the bytes end in the file.</summary>
    public long End => Offset + Length;

    /// <summary>The bytes; valid until <see cref="Release"/>.</summary>
    public ReadOnlySpan<byte> Bytes => _array.AsSpan(0, Length);

    /// <summary>The batch handed over to be written after this one, if any (<see cref="Chain"/>).</summary>
    public WriteBatch? Next { get; private set; }

    /// <summary>
    /// Whether the writer of this batch took <see cref="Next"/> over: it writes it right after this one
    /// if this one succeeds. Otherwise (it had already finished) the recorder starts it.
    /// </summary>
    public bool NextTaken => Volatile.Read(ref _handoff) == Offered;

    /// <summary>Why the write failed, once completed; null if it succeeded.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Whether the write has ended (and <see cref="Error"/> is final).</summary>
    public bool IsCompleted => Volatile.Read(ref _state) == Done;

    /// <summary>Completes (never faults) when the write has ended; for the recorder that waits for it, which then needs no <see cref="WriteCheck"/>.</summary>
    public Task Awaited()
    {
        Volatile.Write(ref _interest, Awaiting);
        return _completion.Task;
    }

    /// <summary>
    /// The recorder has a buffer to write once this write has ended and nothing else to do meanwhile:
    /// the writer tells it <see cref="WriteCheck"/> when it ends.
    /// </summary>
    /// <returns>False if the write has already ended (no WriteCheck may come: the caller goes on itself).</returns>
    public bool Want()
    {
        // Full fences on both sides (here and in Run): either this sees the end, or the writer sees the interest.
        Interlocked.Exchange(ref _interest, Wanted);
        return Volatile.Read(ref _state) != Done;
    }

    /// <summary>Hands the write to a writer thread.</summary>
    public void Start() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    /// <summary>Hands <paramref name="next"/> over to be written right after this batch (see <see cref="NextTaken"/>).</summary>
    public void Chain(WriteBatch next)
    {
        Next = next;
        // The full fence of the exchange publishes Next to the writer that reads it after seeing Offered.
        Interlocked.CompareExchange(ref _handoff, Offered, Open);
    }

    /// <summary>
    /// Runs the write on this thread if no thread has taken it yet (none was free), without telling
    /// <see cref="WriteCheck"/>: the caller is the recorder, which knows.
    /// </summary>
    /// <returns>False if a thread is already writing it (or has).</returns>
    public bool TryRunHere()
    {
        if (!TryClaim()) return false;
        Volatile.Write(ref _interest, Awaiting);
        Run();
        return true;
    }

    /// <summary>Waits until the write has ended, running it on this thread if no thread has taken it yet.</summary>
    /// <returns>False if a write already running did not end within <paramref name="timeout"/>.</returns>
    public bool Wait(TimeSpan timeout)
    {
        if (TryClaim())
        {
            Run();
            return true;
        }
        return _completion.Task.Wait(timeout);
    }

    /// <summary>Makes sure this batch is never written (it was taken back); false if a writer already has it.</summary>
    public bool TryCancel() => TryClaim();

    /// <summary>Gives the array back to the pool; only once nobody writes it any more, and only once.</summary>
    public void Release()
    {
        PendingBuffer.Return(_array);
        _array = null;
    }

    void IThreadPoolWorkItem.Execute()
    {
        for (var batch = this; batch is not null && batch.TryClaim(); batch = batch.Successor())
            batch.Run();
    }

    private bool TryClaim() => Interlocked.CompareExchange(ref _state, Running, Queued) == Queued;

    /// <summary>After a successful write by a writer thread: the batch offered meanwhile, if any; closes the offer either way.</summary>
    private WriteBatch? Successor() =>
        Error is null && Interlocked.CompareExchange(ref _handoff, Sealed, Open) == Offered ? Next : null;

    private void Run()
    {
        try
        {
            _hook?.Invoke(Bytes, Offset);
            File.WriteAt(Bytes, Offset);
            if (_fsync) File.Sync();
        }
        catch (Exception e)
        {
            // Whatever the write throws is the recorder's to report: handed over, not swallowed.
            Error = e;
        }
        Interlocked.Exchange(ref _state, Done);
        _completion.SetResult();
        // Told only when needed: every message the recorder processes looks at its writes anyway, and a
        // message from this thread competes with the sessions' for the mailbox.
        var interest = Volatile.Read(ref _interest);
        if (interest == Wanted || (Error is not null && interest != Awaiting)) _notify?.Tell(WriteCheck.Instance, ActorRefs.NoSender);
    }
}

/// <summary>Called before each write of a recorder with the bytes and the offset they go to; throwing fails the write.</summary>
internal delegate void WriteHook(ReadOnlySpan<byte> bytes, long offset);

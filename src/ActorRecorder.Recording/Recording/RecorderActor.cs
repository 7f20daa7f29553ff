using ActorRecorder.Actors;
using Microsoft.Extensions.Logging;

namespace ActorRecorder.Recording;

/// <summary>
/// One recorded session: formats each <see cref="Record"/> into its buffer and writes the buffer to
/// the file when it holds <see cref="RecorderOptions.FlushEntries"/> entries or
/// <see cref="RecorderOptions.FlushBytes"/> bytes, when <see cref="RecorderOptions.FlushInterval"/> has
/// passed, on <see cref="Flush"/>, and when it stops (PostStop), whoever stops it.
/// </summary>
/// <remarks>
/// <para>
/// Write-behind: a due buffer is written by a writer thread (<see cref="WriteBatch"/>,
/// the thread pool) while the actor formats the next entries into a second buffer, so
/// that encoding and writing overlap. While a write is in flight the second buffer goes on filling
/// past the thresholds, up to <see cref="BatchLimit"/> (group commit: a recorder that the disk cannot
/// keep up with makes fewer, larger writes, which cost less per byte). At that limit both buffers are
/// busy: the second is handed to the writer of the first, to be written right after it, and the actor
/// waits for the first as an async handler (<see cref="ActorBase.RunTask"/>), taking no message
/// meanwhile: the records wait in the mailbox, in order, and no thread is blocked. If no thread has even
/// started the first write by then, none is free (a busy machine, or one core): the actor writes it
/// itself, and the next buffers too until the next tick, rather than wait for a thread.
/// </para>
/// <para>
/// The outcome of a write is only ever read by the actor: when a message comes (every message looks),
/// when it waits for it, when it stops or restarts, and on a <see cref="WriteCheck"/>, which the write
/// tells when it ends if the actor has a due buffer waiting for it and nothing else to do, or if it
/// failed. A bounded mailbox is never told anything (it could be full): there a due buffer is handed
/// over at once, and a failure is found by the next message or the flush tick.
/// </para>
/// <para>
/// A write error is logged with the path, counted, and crashes the actor: its supervisor restarts it,
/// and the new incarnation appends to the file and writes the entries the old one could not. Ping and
/// pong are dropped here unless <see cref="RecorderOptions.RecordControlFrames"/> is on; anything else
/// the actor does not know goes to <see cref="ActorBase.Unhandled"/> (published, never a crash).
/// </para>
/// </remarks>
internal sealed class RecorderActor(RecorderState state) : ActorBase, IWithTimers
{
    private const string FlushTimer = "flush";

    /// <summary>
    /// How long a stop or a restart waits for the writes in flight (a blocking wait: the file must be
    /// settled before it is closed). A write that takes longer is given up as failed at its offset.
    /// </summary>
    internal static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(30);

    private RecordingFile? _file;
    private bool _timerArmed;
    private bool _crashed;

    // The disk is behind: the last due buffer found a write still in flight. Then a due buffer is not
    // written at once but once the records already queued are formatted (up to BatchLimit).
    private bool _streaming;

    // A WriteCheck is on its way to this actor (told by itself).
    private bool _checkQueued;

    // The last background write was still waiting for a thread when the next buffer was full: no core
    // is free for one (a busy machine, or a VM that runs this process on one vCPU). Until the next tick
    // the actor writes due buffers itself, at once, while their bytes are still in its cache.
    private bool _writeHere;

    public ITimerScheduler Timers { get; set; } = null!;

    private RecorderOptions Options => state.Options;

    /// <summary>Whether the buffer holds enough to be written (<see cref="RecorderOptions.FlushEntries"/>, <see cref="RecorderOptions.FlushBytes"/>).</summary>
    private bool Due => state.Pending.Entries >= Options.FlushEntries || state.Pending.Length >= Options.FlushBytes;

    /// <summary>
    /// How full a buffer may get while a write is in flight (and, when the disk is behind, before one is
    /// started): 8 × <see cref="RecorderOptions.FlushBytes"/>, 512 KiB by default. Writes of a few hundred
    /// KB cost markedly less per byte than writes of one 64 KB frame; the limit bounds a busy recorder's
    /// memory to two such buffers.
    /// </summary>
    private int BatchLimit => (int)Math.Min(Array.MaxLength / 4, 8L * Options.FlushBytes);

    // A bounded mailbox may be full, and would drop (and report) a WriteCheck: there nothing is told.
    private bool CanTellSelf => Options.MailboxCapacity is null;

    protected override void PreStart()
    {
        var first = state.Starts == 0;
        // Like start_link, the first start opens the file or fails (the supervisor reports it to
        // Recorder.StartAsync); a restart never truncates.
        _file = RecordingFile.Open(state.Path, first ? Options.FileMode : RecorderFileMode.Append);

        // PreRestart settled the writes in flight: the file no longer changes under the comparison.
        var (entries, bytes) = _file.Reconcile(state.Pending, state.FailedWriteAt);
        state.Entries += entries;
        state.Bytes += bytes;
        state.FailedWriteAt = -1;
        state.Starts++;
        if (first)
        {
            state.Self = Self;
            state.Registry.Attach(Self, state);
        }
        if (Options.Owner is { } owner) Context.Watch(owner);
        // Entries carried over from a crashed incarnation wait for the next flush, which is the one
        // that may fail again and be counted by the supervisor; failing here would stop the actor.
        if (state.Pending.Length > 0) ArmTimer();
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Record record:
                OnRecord(record);
                return true;
            case WriteCheck:
                OnWriteCheck();
                return true;
            case FlushTick:
                OnFlushTick();
                return true;
            case Flush:
                OnFlush();
                return true;
            case GetStats:
                OnGetStats();
                return true;
            case Terminated terminated when Options.Owner is { } owner && terminated.ActorRef.Equals(owner):
                Context.Log.LogInformation("The owner {Owner} of the recording {Path} terminated ({Reason}); the recorder flushes and stops.",
                    owner.Path, state.Path, terminated.Reason);
                Context.Stop(Self);
                return true;
            default:
                return false;
        }
    }

    private void OnRecord(Record record)
    {
        var frame = record.Frame;
        if (frame.Type is FrameType.Ping or FrameType.Pong && !Options.RecordControlFrames) return;
        try
        {
            state.Writer.Append(record.Timestamp, record.Direction, frame);
        }
        catch (Exception e) when (e is not RecorderWriteException)
        {
            // Bad input must not stop the recording: the entry is skipped, visibly.
            state.Failures++;
            Context.Log.LogError(e, "Recorder {Path} could not format a {Type} entry; it is skipped and recording goes on.", state.Path, frame.Type);
            return;
        }

        // After the entry is in the buffer: if an earlier write failed, the crash keeps it.
        Collect();
        if (Due) WriteWhenFree(force: false);
        else if (!_timerArmed) ArmTimer();
    }

    private void OnWriteCheck()
    {
        _checkQueued = false;
        Collect();
        if (!Due) return;
        if (state.InFlight is { } busy)
        {
            // The records queued before are formatted: have the write tell when it ends, unless it just has.
            if (busy.Want()) return;
            Collect();
            if (state.InFlight is not null) return;
        }
        StartWrite();
    }

    /// <summary>Tells this actor a <see cref="WriteCheck"/>, to come after the records already queued (one at a time).</summary>
    private void CheckAfterQueued()
    {
        if (_checkQueued) return;
        _checkQueued = true;
        Self.Tell(WriteCheck.Instance, Self);
    }

    private void OnFlushTick()
    {
        _timerArmed = false;
        // Once an interval the recorder finds out again whether the disk is behind and a thread is free.
        _streaming = false;
        _writeHere = false;
        Collect();
        if (state.Pending.Length == 0)
        {
            // A whole interval without anything to write: idle until the next record.
            if (state.InFlight is null) state.ReleaseBuffers();
            // A write still out: look again at the next tick (a bounded mailbox gets no WriteCheck).
            else ArmTimer();
            return;
        }
        WriteWhenFree(force: true);
        // The next tick tells whether the recorder went idle.
        ArmTimer();
    }

    private void OnFlush()
    {
        var sender = Sender;
        CollectFor(sender);
        // A write no thread has taken yet is written here rather than waited for.
        while (state.InFlight is { } queued && queued.TryRunHere()) CollectFor(sender);
        if (state.InFlight is not null)
        {
            // Everything received before the Flush includes what is being written: wait for it, taking no message.
            state.AwaitingWrite = true;
            RunTask(() => FlushAfterAsync(sender));
            return;
        }
        FlushNow(sender);
    }

    private async Task FlushAfterAsync(IActorRef sender)
    {
        // Resumes inside the actor (its synchronization context); dropped if it stops or restarts meanwhile.
        while (state.InFlight is { } busy)
        {
            await busy.Awaited().ConfigureAwait(true);
            CollectFor(sender);
        }
        state.AwaitingWrite = false;
        FlushNow(sender);
    }

    /// <summary>Writes what is pending (nothing is in flight any more) and answers the Flush.</summary>
    private void FlushNow(IActorRef sender)
    {
        try
        {
            if (state.Pending.Length > 0) WriteNow(log: true);
        }
        catch (RecorderWriteException e)
        {
            // The asker learns why at once, rather than by a timeout; then the actor crashes.
            sender.Tell(new Status.Failure(e), Self);
            throw;
        }
        sender.Tell(Flushed.Instance, Self);
    }

    /// <summary><see cref="Collect"/> for a Flush: a failed write is answered to the asker before the actor crashes.</summary>
    private void CollectFor(IActorRef sender)
    {
        try
        {
            Collect();
        }
        catch (RecorderWriteException e)
        {
            sender.Tell(new Status.Failure(e), Self);
            throw;
        }
    }

    private void OnGetStats()
    {
        // A write that has ended is counted where it belongs; one that failed crashes the actor after the reply.
        var failure = state.InFlight is { IsCompleted: true } done && Finish(done) is { } error ? Failed(error, log: true) : null;
        Sender.Tell(state.Snapshot(), Self);
        if (failure is not null) throw failure;
    }

    /// <summary>
    /// The buffer is due (or <paramref name="force"/>d by the tick): hand it to a background write.
    /// While a write is in flight the buffer goes on filling, to be written when that one ends, up to
    /// <see cref="BatchLimit"/>. There both buffers are busy: this one is handed to the writer of the
    /// other, to be written right after it, and the actor takes no message until the other has been
    /// written (back-pressure through the mailbox, no thread blocked). A recorder with a bounded mailbox
    /// does that as soon as the buffer is due.
    /// </summary>
    private void WriteWhenFree(bool force)
    {
        var full = state.Pending.Length >= BatchLimit;
        if (state.InFlight is not { } busy)
        {
            if (!force && _streaming && CanTellSelf && !full)
            {
                // The disk is behind: let the records already queued join this write (a WriteCheck
                // queued behind them starts it), rather than start a write of one entry.
                CheckAfterQueued();
                return;
            }
            StartWrite();
            return;
        }
        _streaming = true;
        if (!force && !full && CanTellSelf)
        {
            // Written when the write in flight ends: any message looks, and once the records queued
            // are formatted, a WriteCheck asks the write to tell. (Nothing can be told to a bounded
            // mailbox: there the buffer is handed over now, below.)
            CheckAfterQueued();
            return;
        }
        if (busy.Next is null && busy.TryRunHere())
        {
            // No thread took the write while this whole buffer was formatted: none is free. The actor
            // writes it itself rather than wait for one, and writes the next buffers itself too.
            _writeHere = true;
            Collect();
            StartWrite();
            return;
        }
        if (busy.Next is null) busy.Chain(NewBatch(busy.End));
        state.AwaitingWrite = true;
        RunTask(() => WriteAfterAsync(busy));
    }

    private async Task WriteAfterAsync(WriteBatch busy)
    {
        // Resumes inside the actor (its synchronization context); dropped if it stops or restarts meanwhile.
        await busy.Awaited().ConfigureAwait(true);
        state.AwaitingWrite = false;
        // A failed write crashes the actor here (a fault of the handler); its entries are back in the buffer.
        Collect();
        if (state.InFlight is { } successor) ReserveAfter(successor);
        else if (state.Pending.Length > 0) StartWrite();
    }

    /// <summary>Writes the pending entries: in the background, or here when no thread is free for it (<see cref="_writeHere"/>).</summary>
    private void StartWrite()
    {
        if (_writeHere)
        {
            WriteNow(log: true);
            if (_streaming) state.Pending.Reserve(BatchLimit + Options.FlushBytes);
            if (!_timerArmed) ArmTimer();
            return;
        }
        var batch = NewBatch(_file?.Length ?? 0);
        state.InFlight = batch;
        batch.Start();
        ReserveAfter(batch);
        // So that a recorder that goes quiet now still looks at the outcome and releases its buffers.
        if (!_timerArmed) ArmTimer();
    }

    /// <summary>
    /// When the disk is behind, takes the next buffer at its full size at once, rather than grow it (and
    /// copy it) step by step; an idle recorder gives it back at the next tick.
    /// </summary>
    private void ReserveAfter(WriteBatch batch) =>
        state.Pending.Reserve(_streaming ? BatchLimit + Options.FlushBytes : batch.Length);

    /// <summary>Takes the pending entries into a batch to be written at <paramref name="offset"/>.</summary>
    private WriteBatch NewBatch(long offset)
    {
        var file = _file ?? throw Failed(new IOException("the file is not open"), log: true);
        return new WriteBatch(file, offset, state.Pending.Detach(), Options.Fsync, Options.WriteHook, CanTellSelf ? Self : null);
    }

    /// <summary>Accounts for the write in flight if it has ended; throws (logged, counted) if it failed.</summary>
    private void Collect()
    {
        if (state.InFlight is { IsCompleted: true } done && Finish(done) is { } error) throw Failed(error, log: true);
    }

    /// <summary>
    /// Takes an ended write out of flight, its successor (if any) taking its place: its bytes count as
    /// written, or, if it failed, its entries and its successor's (never written after a failure) go
    /// back in front of the pending ones and the error is returned (neither logged nor counted yet).
    /// </summary>
    private Exception? Finish(WriteBatch batch)
    {
        var next = batch.Next;
        if (batch.Error is not { } error)
        {
            state.Entries += batch.Entries;
            state.Bytes += batch.Length;
            batch.File.Advance(batch.Length);
            batch.Release();
            state.InFlight = next;
            // Its writer had finished before the hand-over: the successor is started here.
            if (next is not null && !batch.NextTaken) next.Start();
            return null;
        }
        state.InFlight = null;
        if (next is not null)
        {
            next.TryCancel();
            state.Pending.Prepend(next.Bytes, next.Entries);
            next.Release();
        }
        state.Pending.Prepend(batch.Bytes, batch.Entries);
        batch.Release();
        // Part of the bytes may be in the file: the next incarnation compares and skips them (a removed
        // file is created afresh: nothing to compare).
        if (error is not RecorderWriteException) state.FailedWriteAt = batch.Offset;
        return error;
    }

    /// <summary>
    /// Waits (bounded) for the writes in flight, so that the file is settled before it is closed, and
    /// accounts for them; a failure is logged and counted, and the entries not written are pending again.
    /// </summary>
    private void SettleInFlight(bool stopping)
    {
        state.AwaitingWrite = true;
        try
        {
            while (state.InFlight is { } batch)
            {
                if (!batch.Wait(InFlightWait))
                {
                    GiveUp(batch, stopping);
                    return;
                }
                if (Finish(batch) is { } error)
                {
                    _ = Failed(error, log: true, stopping);
                    return;
                }
            }
        }
        finally
        {
            state.AwaitingWrite = false;
        }
    }

    /// <summary>
    /// A write stuck beyond reason is given up as failed at its offset. Its bytes (and its successor's)
    /// are written again from there, by this stop or the next incarnation: should it still end, it
    /// writes the same bytes at the same place. Arrays still being read stay with their writer.
    /// </summary>
    private void GiveUp(WriteBatch batch, bool stopping)
    {
        state.InFlight = null;
        if (batch.Next is { } next)
        {
            state.Pending.Prepend(next.Bytes, next.Entries);
            if (next.TryCancel()) next.Release();
        }
        state.Pending.Prepend(batch.Bytes, batch.Entries);
        state.FailedWriteAt = batch.Offset;
        _ = Failed(new IOException($"a write of {batch.Length} bytes did not end within {InFlightWait.TotalSeconds:0} s"), log: true, stopping);
    }

    /// <summary>Writes every pending entry on this thread (and fsyncs if asked); nothing may be in flight. On failure keeps them, logs, counts and throws.</summary>
    private void WriteNow(bool log)
    {
        var pending = state.Pending;
        var file = _file ?? throw Failed(new IOException("the file is not open"), log);
        var offset = file.Length;
        try
        {
            Options.WriteHook?.Invoke(pending.Written, offset);
            file.Write(pending.Written);
            if (Options.Fsync) file.Sync();
        }
        catch (RecorderWriteException e)
        {
            throw Failed(e, log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            // Part of the bytes may be in the file: the next incarnation compares and skips them.
            state.FailedWriteAt = offset;
            throw Failed(e, log);
        }
        state.Entries += pending.Entries;
        state.Bytes += pending.Length;
        pending.Clear();
    }

    private RecorderWriteException Failed(Exception cause, bool log, bool stopping = false)
    {
        _crashed = true;
        state.Failures++;
        state.LastFailure = cause;
        if (log && stopping)
        {
            Context.Log.LogError(cause, "Recorder could not write {Path}: {Error}. It is stopping: it writes the {Pending} pending entries once more before it closes the file.",
                state.Path, cause.Message, state.Pending.Entries);
        }
        else if (log)
        {
            Context.Log.LogError(cause, "Recorder could not write {Path}: {Error}. {Pending} entries are kept; the recorder crashes and is restarted, appending to the file.",
                state.Path, cause.Message, state.Pending.Entries);
        }
        return cause as RecorderWriteException ?? new RecorderWriteException(state.Path, cause.Message, cause);
    }

    private void ArmTimer()
    {
        Timers.StartSingleTimer(FlushTimer, FlushTick.Instance, Options.FlushInterval);
        _timerArmed = true;
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        // Not the base: it would run PostStop, which flushes. The buffered entries stay in the state
        // for the next incarnation, which reopens the file in append mode; the writes in flight (whose
        // continuation the kernel drops) end first, so that incarnation finds the file as it will stay.
        SettleInFlight(stopping: false);
        state.AwaitingWrite = false;
        _file?.Dispose();
        _file = null;
    }

    protected override void PostRestart(Exception reason)
    {
        state.Restarts++;
        base.PostRestart(reason);
    }

    protected override void PostStop()
    {
        // A write in flight that fails now is reported on its own and tried once more; only a loss, or
        // an earlier crash, makes the closing report below.
        var report = _crashed;
        try
        {
            // Whoever stops the recorder (StopAsync, its owner, its supervisor, the system), what reached
            // it is written: the writes in flight end first (a failed one is tried once more with the rest).
            SettleInFlight(stopping: true);
            if (state.Pending.Length > 0) WriteNow(log: false);
        }
        catch (RecorderWriteException)
        {
            // Reported below, once.
            report = true;
        }
        finally
        {
            state.AwaitingWrite = false;
            _file?.Dispose();
            _file = null;
            state.Registry.Release(state);
        }

        if (report)
        {
            // The supervisor gave up (or the system stopped while the actor was down): say it once more, with the path.
            Context.Log.LogError(state.LastFailure, "Recording to {Path} stopped after {Failures} write failure(s); {Lost} entries could not be written. Last error: {Error}. The session goes on without a recorder.",
                state.Path, state.Failures, state.Pending.Entries, state.LastFailure?.Message);
        }
        state.Pending.Clear();
    }
}

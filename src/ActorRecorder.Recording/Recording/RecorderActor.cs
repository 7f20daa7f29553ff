using ActorRecorder.Otp;
using Akka.Actor;
using Akka.Event;

namespace ActorRecorder.Recording;

/// <summary>
/// One recorded session: formats each <see cref="Record"/> into its buffer and writes the buffer to
/// the file when it holds <see cref="RecorderOptions.FlushEntries"/> entries or
/// <see cref="RecorderOptions.FlushBytes"/> bytes, when <see cref="RecorderOptions.FlushInterval"/> has
/// passed, on <see cref="Flush"/>, and when it stops (PostStop), whoever stops it.
/// </summary>
/// <remarks>
/// <para>
/// The actor writes on its own turn, right after formatting: the bytes are still in the cache of the
/// core that encoded them, and the copy into the page cache is most of the cost of a write. Handing
/// the buffer to another thread so that formatting and writing overlap was measured slower on the
/// 2-core machine (the copy then reads the bytes from memory) and needed a second buffer, a hand-over
/// protocol and waits on every stop and restart. The session never waits either way: a Record is a
/// Tell, and records queue in the mailbox while a write runs.
/// </para>
/// <para>
/// Group commit: a due buffer is not written at once when the mailbox may hold more records. The actor
/// tells itself <see cref="WriteDue"/>, which arrives after the records already queued; they are
/// formatted into the same buffer, up to <see cref="GroupLimit"/>, and written in one call. A recorder
/// that the disk cannot keep up with thus makes fewer, larger writes, which cost less per byte. A
/// bounded mailbox is never told anything (it could be full and drop it): there a due buffer is written at once.
/// </para>
/// <para>
/// A write error is logged with the path, counted, and crashes the actor: its supervisor restarts it
/// in place (the mailbox kept), and the new incarnation appends to the file and writes the entries the
/// old one could not. Ping and pong are dropped here unless <see cref="RecorderOptions.RecordControlFrames"/>
/// is on; anything else the actor does not know goes to <see cref="ActorBase.Unhandled"/> (published, never a crash).
/// </para>
/// <para>
/// Nothing that reached the recorder is lost when it stops, whoever stops it: <see cref="GracefulShutdown"/>
/// (its supervisor's ordered shutdown) and a <see cref="PoisonPill"/> come after the records already queued,
/// and an immediate stop (Akka's <c>Context.Stop</c>, the system terminating) still takes the records left in
/// the mailbox in PostStop and writes them with the rest.
/// </para>
/// </remarks>
internal sealed class RecorderActor(RecorderState state) : ActorBase, IHandleGracefulShutdown
{
    private RecordingFile? _file;
    private ILoggingAdapter? _log;

    // The flush timer is one scheduled message rather than Akka's IWithTimers, whose per-actor scheduler and
    // dictionary an idle recorder would carry for nothing (thousands of quiet sessions): the tick in flight,
    // and its cancellation. A tick that is not the one in flight (one scheduled by an earlier incarnation) is ignored.
    private FlushTick? _tick;
    private ICancelable? _timer;
    private bool _writeDueQueued;
    private bool _crashed;

    private RecorderOptions Options => state.Options;

    /// <summary>
    /// Makes each incarnation with the same state: the props of a recorder hold only this (Akka's expression props would
    /// also keep an activator and an argument array per recorder).
    /// </summary>
    internal sealed class Producer(RecorderState state) : IIndirectActorProducer
    {
        public Type ActorType => typeof(RecorderActor);

        public ActorBase Produce() => new RecorderActor(state);

        public void Release(ActorBase actor)
        {
        }
    }

    /// <summary>Akka's logger, made at the first log line: most recorders never log.</summary>
    private ILoggingAdapter Log => _log ??= Context.GetLogger();

    /// <summary>Whether the buffer holds enough to be written (<see cref="RecorderOptions.FlushEntries"/>, <see cref="RecorderOptions.FlushBytes"/>).</summary>
    private bool Due => state.Pending.Entries >= Options.FlushEntries || state.Pending.Length >= Options.FlushBytes;

    /// <summary>
    /// How full the buffer may get while queued records join a due write: 1 MiB, or
    /// <see cref="RecorderOptions.FlushBytes"/> if that is larger. Measured on the 2-core machine, one
    /// write of about 1 MB costs markedly less per byte than writes of one 64 KB frame each; much larger
    /// ones cost more again, as the bytes formatted first have left the cache by the time they are written.
    /// </summary>
    private int GroupLimit => Math.Max(Options.FlushBytes, 1024 * 1024);

    // A bounded mailbox may be full, and would drop (and report) a WriteDue: there nothing is told.
    private bool CanTellSelf => Options.MailboxCapacity is null;

    /// <summary>With <see cref="RecorderOptions.Fsync"/>, bytes reached the file that no fsync has covered (a write or an fsync failed).</summary>
    private bool SyncOwed => Options.Fsync && state.SyncOwed;

    /// <summary>Whether a write has anything to do: entries pending, or an fsync owed.</summary>
    private bool HasWork => state.Pending.Length > 0 || SyncOwed;

    protected override void PreStart()
    {
        var first = state.Starts == 0;
        // Like start_link, the first start opens the file or fails (the supervisor reports it to
        // Recorder.StartAsync); a restart never truncates.
        _file = RecordingFile.Open(state.Path, first ? Options.FileMode : RecorderFileMode.Append);

        var (entries, bytes) = _file.Reconcile(state.Pending, state.FailedWriteAt);
        state.Entries += entries;
        state.Bytes += bytes;
        state.FailedWriteAt = -1;
        if (bytes > 0) state.SyncOwed = true;
        state.Starts++;
        if (first)
        {
            state.Self = Self;
            RecorderRegistry.Get(Context.System).Attach(Self, state);
        }
        if (Options.Owner is { } owner) Context.Watch(owner);
        // What a crashed incarnation left is written as it would have been: a due buffer (or an owed
        // fsync) at once, the rest by the timer. Not here: a failure in PreStart would be a failed
        // start, not a crash of the write that the supervisor counts.
        if (!HasWork) return;
        ArmTimer();
        if (CanTellSelf && (Due || SyncOwed))
        {
            _writeDueQueued = true;
            Self.Tell(WriteDue.Instance, Self);
        }
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Record record:
                OnRecord(record);
                return true;
            case WriteDue:
                _writeDueQueued = false;
                if (Due || SyncOwed) Write();
                return true;
            case FlushTick tick:
                if (ReferenceEquals(tick, _tick)) OnFlushTick();
                return true;
            case Flush:
                OnFlush();
                return true;
            case GetStats:
                Sender.Tell(state.Snapshot(), Self);
                return true;
            case GracefulShutdown:
                // Its supervisor stops it: everything queued before this has been recorded; PostStop writes it.
                Context.Stop(Self);
                return true;
            case Terminated terminated when Options.Owner is { } owner && terminated.ActorRef.Equals(owner):
                Log.Info("The owner {0} of the recording {1} terminated; the recorder writes what it holds and stops.", owner.Path, state.Path);
                Context.Stop(Self);
                return true;
            default:
                return false;
        }
    }

    private void OnRecord(Record record)
    {
        if (!Format(record)) return;

        if (state.Pending.Length >= GroupLimit || (Due && !CanTellSelf)) Write();
        else if (Due && !_writeDueQueued)
        {
            // Written once the records already queued have joined it (group commit).
            _writeDueQueued = true;
            Self.Tell(WriteDue.Instance, Self);
        }
        // Also after a write: the tick that finds nothing pending gives the buffer back.
        if (_tick is null) ArmTimer();
    }

    /// <summary>Formats a record into the buffer; false when it is not recorded (a control frame, or one that cannot be formatted).</summary>
    private bool Format(Record record)
    {
        var frame = record.Frame;
        if (frame.Type is FrameType.Ping or FrameType.Pong && !Options.RecordControlFrames) return false;
        try
        {
            state.Writer.Append(record.Timestamp, record.Direction, frame);
            return true;
        }
        catch (Exception e)
        {
            // Bad input must not stop the recording: the entry is skipped, visibly.
            state.Failures++;
            Log.Error(e, "Recorder {0} could not format a {1} entry; it is skipped and recording goes on.", state.Path, frame.Type);
            return false;
        }
    }

    private void OnFlushTick()
    {
        _tick = null;
        _timer = null;
        if (!HasWork)
        {
            // Nothing came since the last write: idle until the next record, holding no buffer and no timer.
            state.ReleaseBuffers();
            return;
        }
        Write();
        ArmTimer();
    }

    private void OnFlush()
    {
        try
        {
            Write();
        }
        catch (RecorderWriteException e)
        {
            // The asker learns why at once, rather than by a timeout; then the actor crashes.
            Sender.Tell(new Status.Failure(e), Self);
            throw;
        }
        Sender.Tell(Flushed.Instance, Self);
    }

    /// <summary>Writes every pending entry (and fsyncs if asked, or if owed). On failure keeps them, logs, counts and throws.</summary>
    private void Write(bool log = true)
    {
        var pending = state.Pending;
        if (!HasWork) return;
        var file = _file ?? throw Failed(new IOException("the file is not open"), log);
        var offset = file.Length;
        try
        {
            if (pending.Length > 0)
            {
                state.Hooks.Write?.Invoke(pending.Written, offset);
                file.Write(pending.Written);
            }
            if (Options.Fsync)
            {
                state.Hooks.Sync?.Invoke();
                file.Sync();
            }
        }
        catch (RecorderWriteException e)
        {
            throw Failed(e, log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            // Part of the bytes may be in the file, not synced: the next incarnation compares and skips them, and syncs.
            state.FailedWriteAt = offset;
            state.SyncOwed = true;
            throw Failed(e, log);
        }
        state.SyncOwed = false;
        state.Entries += pending.Entries;
        state.Bytes += pending.Length;
        pending.Reset();
    }

    private RecorderWriteException Failed(Exception cause, bool log)
    {
        _crashed = true;
        state.Failures++;
        state.LastFailure = cause;
        if (log)
        {
            // A RecorderWriteException already names the file: log what went wrong under it, not its prefix again.
            var detail = cause is RecorderWriteException written ? written.Reason : cause.Message;
            Log.Error(cause, "Recorder could not write {0}: {1}. {2} entries are kept; the recorder crashes and is restarted, appending to the file.",
                state.Path, detail, state.Pending.Entries);
        }
        return cause as RecorderWriteException ?? new RecorderWriteException(state.Path, cause.Message, cause);
    }

    private void ArmTimer()
    {
        _tick = new FlushTick();
        _timer = Context.System.Scheduler.ScheduleTellOnceCancelable(Options.FlushInterval, Self, _tick, Self);
    }

    private void CancelTimer()
    {
        _timer?.Cancel();
        _timer = null;
        _tick = null;
    }

    protected override void PreRestart(Exception reason, object message)
    {
        // Not the base: it would run PostStop, which flushes. The buffered entries stay in the state
        // for the next incarnation, which reopens the file in append mode.
        CancelTimer();
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
        // Whoever stops the recorder (StopAsync, its owner, its supervisor, the system), what reached it is written.
        var report = _crashed;
        CancelTimer();
        var askers = TakeMailbox();
        try
        {
            Write(log: false);
            foreach (var (asker, request) in askers) asker.Tell(request is Flush ? Flushed.Instance : state.Snapshot(), Self);
        }
        catch (RecorderWriteException e)
        {
            // Reported below, once; a Flush waiting in the mailbox learns why, as one on a running recorder would.
            report = true;
            foreach (var (asker, request) in askers) asker.Tell(request is Flush ? new Status.Failure(e) : state.Snapshot(), Self);
        }
        finally
        {
            _file?.Dispose();
            _file = null;
            RecorderRegistry.Get(Context.System).Release(state);
        }

        if (report)
        {
            // The supervisor gave up (or the system stopped while the actor was down): say it once more, with the path.
            Log.Error(state.LastFailure, "Recording to {0} stopped after {1} write failure(s); {2} entries could not be written. Last error: {3}. The session goes on without a recorder.",
                state.Path, state.Failures, state.Pending.Entries, state.LastFailure?.Message);
        }
        state.Pending.Clear();
    }

    /// <summary>
    /// An immediate stop leaves messages in the mailbox, which Akka would pass to dead letters: the records among them
    /// are formatted to be written with the rest, and the Flush and GetStats among them are answered after that write.
    /// </summary>
    private List<(IActorRef Asker, object Request)> TakeMailbox()
    {
        var askers = new List<(IActorRef, object)>();
        if (Context is not ActorCell { Mailbox.MessageQueue: { } queue }) return askers;
        while (queue.TryDequeue(out var envelope))
        {
            switch (envelope.Message)
            {
                case Record record:
                    Format(record);
                    break;
                case Flush or GetStats when envelope.Sender is { } asker && !asker.IsNobody():
                    askers.Add((asker, envelope.Message));
                    break;
                case PoisonPill or GracefulShutdown or FlushTick or WriteDue:
                    break;
                default:
                    Context.System.DeadLetters.Tell(new DeadLetter(envelope.Message, envelope.Sender ?? ActorRefs.NoSender, Self));
                    break;
            }
        }
        return askers;
    }
}

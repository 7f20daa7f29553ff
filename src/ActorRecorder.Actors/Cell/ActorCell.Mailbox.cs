using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>
/// The mailbox: a many-producer/one-consumer queue of user messages, an intrusive lock-free
/// stack of system messages (taken whole and processed first), and a scheduling state that
/// guarantees at most one turn runs at a time. Turns run on the .NET thread pool and process at
/// most <see cref="ActorSystemSettings.Throughput"/> user messages before yielding the thread.
/// </summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;
    private const int Closed = 2;

    private readonly MessageQueue _queue;
    private SystemMessage? _systemMessages;
    private int _mailboxState;

    /// <summary>Delivers a user message. Thread-safe; never blocks.</summary>
    internal void Post(object message, IActorRef? sender)
    {
        var outcome = _queue.Enqueue(message, sender, out var dropped);
        if (outcome != EnqueueOutcome.Enqueued)
        {
            ReportOverflow(outcome, message, sender, dropped);
            if (outcome != EnqueueOutcome.DroppedOldest) return;
        }

        // Enqueue ends with a full fence, so this read cannot miss a turn that has just gone idle.
        var state = Volatile.Read(ref _mailboxState);
        if (state == Idle) TrySchedule();
        else if ((state & Closed) != 0) DrainUserMessagesToDeadLetters();
    }

    /// <summary>Delivers a system message. Thread-safe; never blocks.</summary>
    internal void PostSystemMessage(SystemMessage message)
    {
        SystemMessage? head;
        do
        {
            head = Volatile.Read(ref _systemMessages);
            message.Next = head;
        }
        while (Interlocked.CompareExchange(ref _systemMessages, message, head) != head);

        var state = Volatile.Read(ref _mailboxState);
        if ((state & Closed) != 0) AnswerSystemMessagesAsDead();
        else if (state == Idle) TrySchedule();
    }

    private void TrySchedule()
    {
        if (Interlocked.CompareExchange(ref _mailboxState, Scheduled, Idle) == Idle)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    /// <summary>One turn of the actor on a pool thread.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            if ((Volatile.Read(ref _mailboxState) & Closed) == 0) RunTurn();
        }
        finally
        {
            t_current = previous;
            var state = Interlocked.And(ref _mailboxState, ~Scheduled);
            if ((state & Closed) != 0) DrainClosedMailbox();
            else if (HasRunnableWork())
            {
                TrySchedule();
            }
        }
    }

    /// <summary>Turns run so far (observed by specs of the throughput setting).</summary>
    internal int Turns;

    private void RunTurn()
    {
        Turns++;
        ProcessSystemMessages();
        var budget = _system.Settings.Throughput;
        while (_hold == Hold.None && TryTakeUserMessage(out var envelope))
        {
            Invoke(envelope);
            if (Volatile.Read(ref _systemMessages) is not null) ProcessSystemMessages();
            if (--budget == 0) break;
        }
    }

    private bool HasRunnableWork() =>
        Volatile.Read(ref _systemMessages) is not null
        || (_hold == Hold.None && (_queue.HasMessages || _extras?.Unstashed is { Count: > 0 }));

    private bool TryTakeUserMessage(out Envelope envelope)
    {
        if (_extras?.Unstashed is { Count: > 0 } unstashed)
        {
            envelope = unstashed.First!.Value;
            unstashed.RemoveFirst();
            return true;
        }
        return _queue.TryDequeue(out envelope);
    }

    private void ProcessSystemMessages()
    {
        while (true)
        {
            var taken = Interlocked.Exchange(ref _systemMessages, null);
            if (taken is null) return;
            // The stack holds the newest first; process in arrival order.
            SystemMessage? ordered = null;
            while (taken is not null)
            {
                var next = taken.Next;
                taken.Next = ordered;
                ordered = taken;
                taken = next;
            }
            while (ordered is not null)
            {
                var next = ordered.Next;
                ordered.Next = null;
                if (_lifecycle == LifecycleTerminated) AnswerSignalToDeadActor(_self, ordered);
                else ProcessSystemMessageSafely(ordered);
                ordered = next;
            }
        }
    }

    /// <summary>Marks the mailbox closed: from now on, senders answer their own signals and drain their own messages.</summary>
    private void MarkMailboxClosed() => Interlocked.Or(ref _mailboxState, Closed);

    /// <summary>Hands everything still in a closed mailbox to dead letters.</summary>
    private void DrainClosedMailbox()
    {
        try
        {
            AnswerSystemMessagesAsDead();
            DrainUserMessagesToDeadLetters();
        }
        catch (Exception e)
        {
            _system.Log.LogError(e, "Draining the mailbox of terminated actor {Actor} failed.", _self.Path);
        }
    }

    private void AnswerSystemMessagesAsDead()
    {
        var taken = Interlocked.Exchange(ref _systemMessages, null);
        while (taken is not null)
        {
            var next = taken.Next;
            taken.Next = null;
            AnswerSignalToDeadActor(_self, taken);
            taken = next;
        }
    }

    private void DrainUserMessagesToDeadLetters()
    {
        // After close, producers may drain concurrently: the lock keeps the queue single-consumer.
        lock (_queue)
        {
            var deadLetters = _system.DeadLetterRef;
            if (_extras is { } extras)
            {
                DrainList(extras.Unstashed, deadLetters);
                DrainList(extras.Stash, deadLetters);
            }
            while (_queue.TryDequeue(out var envelope))
            {
                if (envelope.Message is not InternalMessage) deadLetters.Publish(envelope.Message, envelope.Sender, _self);
            }
        }
    }

    private void DrainList(LinkedList<Envelope>? list, DeadLetterActorRef deadLetters)
    {
        if (list is null) return;
        foreach (var envelope in list) deadLetters.Publish(envelope.Message, envelope.Sender, _self);
        list.Clear();
    }

    private void ReportOverflow(EnqueueOutcome outcome, object message, IActorRef? sender, Envelope dropped)
    {
        var capacity = (_queue as BoundedMessageQueue)?.Capacity ?? 0;
        // A full subscriber of Dropped must not turn one drop into an endless chain of them.
        if (outcome != EnqueueOutcome.Rejected && (outcome == EnqueueOutcome.DroppedNewest ? message : dropped.Message) is Dropped) return;
        switch (outcome)
        {
            case EnqueueOutcome.DroppedNewest:
                _system.EventStream.Publish(new Dropped(message, $"mailbox full ({capacity} messages), newest dropped", sender, _self));
                break;
            case EnqueueOutcome.DroppedOldest:
                _system.EventStream.Publish(new Dropped(dropped.Message, $"mailbox full ({capacity} messages), oldest dropped", dropped.Sender, _self));
                break;
            case EnqueueOutcome.Rejected:
                _system.EventStream.Publish(new Dropped(message, $"mailbox full ({capacity} messages), sender failed", sender, _self));
                throw new MailboxOverflowException(_self, capacity, message);
        }
    }

    /// <summary>Answers a signal sent to an actor that no longer exists, as OTP does: a watch or a link gets noproc at once.</summary>
    internal static void AnswerSignalToDeadActor(InternalActorRef dead, SystemMessage message)
    {
        switch (message)
        {
            case Watch watch when !ReferenceEquals(watch.Watcher, dead):
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(dead, ExitReason.NoProc));
                break;
            case LinkRequest link when !ReferenceEquals(link.From, dead):
                link.From.SendSystemMessage(new ExitSignal(dead, ExitReason.NoProc));
                break;
        }
    }
}

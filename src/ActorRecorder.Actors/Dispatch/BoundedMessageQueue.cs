namespace ActorRecorder.Actors;

/// <summary>
/// A bounded queue with an overflow policy. A lock keeps it exact (drop-oldest must remove the
/// head while producers add at the tail); bounded mailboxes trade raw speed for a memory bound.
/// </summary>
internal sealed class BoundedMessageQueue(int capacity, MailboxOverflow overflow) : MessageQueue
{
    private readonly Queue<Envelope> _queue = new();
    private readonly object _gate = new();
    private volatile int _count;

    public int Capacity { get; } = capacity;

    public override EnqueueOutcome Enqueue(object message, IActorRef? sender, out Envelope dropped)
    {
        dropped = default;
        lock (_gate)
        {
            // The kernel's own messages (Terminated, Exit, timers) are not subject to the bound.
            if (_queue.Count >= Capacity && message is not InternalMessage)
            {
                switch (overflow)
                {
                    case MailboxOverflow.DropNewest:
                        dropped = new Envelope(message, sender);
                        return EnqueueOutcome.DroppedNewest;
                    case MailboxOverflow.FailSender:
                        return EnqueueOutcome.Rejected;
                    default:
                        if (_queue.Peek().Message is InternalMessage)
                        {
                            // The oldest is the kernel's own (say, a Terminated): keep it, drop the arrival.
                            dropped = new Envelope(message, sender);
                            return EnqueueOutcome.DroppedNewest;
                        }
                        dropped = _queue.Dequeue();
                        _queue.Enqueue(new Envelope(message, sender));
                        return EnqueueOutcome.DroppedOldest;
                }
            }

            _queue.Enqueue(new Envelope(message, sender));
            _count = _queue.Count;
        }
        // The contract of MessageQueue: a full fence after publication (the mailbox reads its state next).
        Interlocked.MemoryBarrier();
        return EnqueueOutcome.Enqueued;
    }

    public override bool TryDequeue(out Envelope envelope)
    {
        if (_count == 0)
        {
            envelope = default;
            return false;
        }

        lock (_gate)
        {
            var taken = _queue.TryDequeue(out envelope);
            _count = _queue.Count;
            return taken;
        }
    }

    public override bool HasMessages => _count > 0;

    public override int Count => _count;
}

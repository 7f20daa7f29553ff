namespace ActorRecorder.Actors;

/// <summary>What happened to a message offered to a mailbox queue.</summary>
internal enum EnqueueOutcome
{
    /// <summary>The message is in the queue.</summary>
    Enqueued,

    /// <summary>The queue was full and the offered message was dropped.</summary>
    DroppedNewest,

    /// <summary>The queue was full; the oldest message was dropped to make room.</summary>
    DroppedOldest,

    /// <summary>The queue was full and the sender must be told.</summary>
    Rejected,
}

/// <summary>
/// A user-message queue: many producers, one consumer (the actor's mailbox run).
/// <see cref="TryDequeue"/> and <see cref="HasMessages"/> are called by the consumer only.
/// </summary>
internal abstract class MessageQueue
{
    /// <summary>Offers a message; <paramref name="dropped"/> is set when an older message made room.
    /// Must end with a full memory fence after the message is visible to the consumer.</summary>
    public abstract EnqueueOutcome Enqueue(object message, IActorRef? sender, out Envelope dropped);

    /// <summary>Takes the next message, if one is published.</summary>
    public abstract bool TryDequeue(out Envelope envelope);

    /// <summary>True when a published message is waiting.</summary>
    public abstract bool HasMessages { get; }

    /// <summary>The number of waiting messages (approximate while producers are active).</summary>
    public abstract int Count { get; }
}

namespace ActorRecorder.Actors;

/// <summary>What a bounded mailbox does with a message that arrives when it is full.</summary>
public enum MailboxOverflow
{
    /// <summary>Drop the arriving message and publish it as <see cref="Dropped"/>.</summary>
    DropNewest,

    /// <summary>Drop the oldest waiting message to make room and publish it as <see cref="Dropped"/>.</summary>
    DropOldest,

    /// <summary>Throw <see cref="MailboxOverflowException"/> to the sender (and publish <see cref="Dropped"/>).</summary>
    FailSender,
}

/// <summary>The kind of mailbox an actor gets (<see cref="Props.WithMailbox"/>).</summary>
public abstract record MailboxType
{
    private protected MailboxType()
    {
    }

    /// <summary>The default: unbounded, never blocks or drops.</summary>
    public static MailboxType Unbounded { get; } = new UnboundedMailbox();

    /// <summary>A mailbox holding at most <paramref name="capacity"/> messages.</summary>
    public static MailboxType Bounded(int capacity, MailboxOverflow overflow = MailboxOverflow.DropNewest) =>
        new BoundedMailbox(capacity, overflow);

    internal abstract MessageQueue CreateQueue();
}

/// <summary>An unbounded mailbox.</summary>
public sealed record UnboundedMailbox : MailboxType
{
    internal override MessageQueue CreateQueue() => new UnboundedMessageQueue();

    /// <inheritdoc />
    public override string ToString() => "unbounded";
}

/// <summary>A bounded mailbox.</summary>
public sealed record BoundedMailbox : MailboxType
{
    /// <summary>Creates a bounded mailbox type.</summary>
    /// <param name="capacity">The most messages it holds; must be positive.</param>
    /// <param name="overflow">What to do when it is full.</param>
    public BoundedMailbox(int capacity, MailboxOverflow overflow = MailboxOverflow.DropNewest)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A bounded mailbox needs a capacity of at least 1.");
        if (!Enum.IsDefined(overflow)) throw new ArgumentOutOfRangeException(nameof(overflow), overflow, "Unknown overflow policy.");
        Capacity = capacity;
        Overflow = overflow;
    }

    /// <summary>The most messages it holds.</summary>
    public int Capacity { get; }

    /// <summary>What it does when full.</summary>
    public MailboxOverflow Overflow { get; }

    internal override MessageQueue CreateQueue() => new BoundedMessageQueue(Capacity, Overflow);

    /// <inheritdoc />
    public override string ToString() => $"bounded({Capacity}, {Overflow})";
}

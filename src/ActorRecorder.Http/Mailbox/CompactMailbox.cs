using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace ActorRecorder.Http;

/// <summary>
/// An unbounded mailbox that costs almost nothing while empty: a <see cref="Queue{T}"/> under a lock, which starts with no
/// storage. Akka's default starts every mailbox with a 32-slot segment (about 1 KB); a listener has one handler actor per
/// open WebSocket session, mostly idle, so the handlers use this one. Handler traffic is one session's, so the lock is
/// rarely contended. Configured at <see cref="ConfigPath"/> in the product's reference.conf.
/// </summary>
public sealed class CompactMailbox : MailboxType, IProducesMessageQueue<CompactMessageQueue>
{
    /// <summary>Where the product's reference.conf configures it.</summary>
    public const string ConfigPath = "actor-recorder.mailboxes.compact";

    /// <summary>Created by Akka from its configuration.</summary>
    public CompactMailbox(Settings settings, Config config)
        : base(settings, config)
    {
    }

    /// <inheritdoc />
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new CompactMessageQueue();
}

/// <summary>The message queue of <see cref="CompactMailbox"/>.</summary>
public sealed class CompactMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    // The queue is its own lock: one object fewer per actor.
    private readonly Queue<Envelope> _queue = new();
    private int _count;

    /// <inheritdoc />
    public bool HasMessages => Volatile.Read(ref _count) > 0;

    /// <inheritdoc />
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (_queue)
        {
            _queue.Enqueue(envelope);
            _count++;
        }
    }

    /// <inheritdoc />
    public bool TryDequeue(out Envelope envelope)
    {
        lock (_queue)
        {
            if (!_queue.TryDequeue(out envelope)) return false;
            _count--;
            return true;
        }
    }

    /// <inheritdoc />
    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope)) deadletters.Enqueue(owner, envelope);
    }
}

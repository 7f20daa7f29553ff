using System.Collections.Concurrent;
using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace ActorRecorder.Recording;

/// <summary>
/// A bounded mailbox for recorders that never blocks the sender: when it holds <c>mailbox-capacity</c>
/// messages, the newest is dropped and counted in <see cref="RecorderStats.Dropped"/>. Akka's own
/// <c>BoundedMailbox</c> makes the sender wait up to its push timeout, which a session must never do.
/// </summary>
/// <remarks>
/// A recorder with <see cref="RecorderOptions.MailboxCapacity"/> gets it through
/// <see cref="ConfigPath"/>: the config section for each capacity is added to the system's
/// fallback config the first time that capacity is used.
/// </remarks>
public sealed class DropNewestMailbox : MailboxType
{
    /// <summary>Creates the mailbox type from its config section (Akka calls this).</summary>
    public DropNewestMailbox(Settings settings, Config config) : base(settings, config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Capacity = config.GetInt("mailbox-capacity");
        if (Capacity < 1)
            throw new ConfigurationException($"mailbox-capacity = {config.GetString("mailbox-capacity")} of a DropNewestMailbox must be at least 1.");
    }

    /// <summary>The most messages the mailbox holds.</summary>
    public int Capacity { get; }

    /// <summary>The config path of the mailbox for <paramref name="capacity"/>, for <c>Props.WithMailbox</c>.</summary>
    public static string ConfigPath(int capacity) => string.Create(CultureInfo.InvariantCulture, $"actor-recorder.recorder.mailboxes.drop-newest-{capacity}");

    /// <summary>The config section that defines the mailbox of <paramref name="capacity"/>.</summary>
    internal static Config ConfigFor(int capacity) => ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture,
        $"{ConfigPath(capacity)} {{ mailbox-type = \"{typeof(DropNewestMailbox).AssemblyQualifiedName}\", mailbox-capacity = {capacity} }}"));

    /// <inheritdoc />
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new DropNewestMessageQueue(Capacity, owner, system);
}

/// <summary>The queue of a <see cref="DropNewestMailbox"/>: Akka's lock-free queue with a count in front of it.</summary>
internal sealed class DropNewestMessageQueue(int capacity, IActorRef owner, ActorSystem system) : IMessageQueue
{
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private int _count;

    public bool HasMessages => Volatile.Read(ref _count) > 0;

    public int Count => Volatile.Read(ref _count);

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Interlocked.Decrement(ref _count);
            RecorderRegistry.Get(system).OnDropped(owner, envelope);
            return;
        }
        _queue.Enqueue(envelope);
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (!_queue.TryDequeue(out envelope)) return false;
        Interlocked.Decrement(ref _count);
        return true;
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope)) deadletters.Enqueue(owner, envelope);
    }
}

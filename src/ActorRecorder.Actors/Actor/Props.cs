namespace ActorRecorder.Actors;

/// <summary>
/// An immutable recipe for an actor: how to create the instance, which supervisor strategy it
/// applies to its children and which mailbox it gets. Create one with <see cref="Create{TActor}()"/>
/// or <see cref="Create{TActor}(Func{TActor})"/> and reuse it for many actors.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, SupervisorStrategy? strategy, MailboxType mailbox)
    {
        ActorType = actorType;
        _factory = factory;
        SupervisorStrategy = strategy;
        Mailbox = mailbox;
    }

    /// <summary>The type of the actor.</summary>
    public Type ActorType { get; }

    /// <summary>The strategy the actor applies to its children; null means the actor's own or the default.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>The mailbox the actor gets.</summary>
    public MailboxType Mailbox { get; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<TActor>() where TActor : ActorBase, new() =>
        new(typeof(TActor), static () => new TActor(), null, MailboxType.Unbounded);

    /// <summary>Props for an actor made by <paramref name="factory"/>, e.g. <c>Props.Create(() =&gt; new Worker(42))</c>.
    /// The factory runs again on every restart, so it must return a new instance each time.</summary>
    public static Props Create<TActor>(Func<TActor> factory) where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(typeof(TActor), factory, null, MailboxType.Unbounded);
    }

    /// <summary>Props for an actor of <paramref name="actorType"/> built with a matching public constructor.</summary>
    /// <exception cref="ArgumentException"><paramref name="actorType"/> is not a concrete <see cref="ActorBase"/>.</exception>
    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
            throw new ArgumentException($"Type {actorType.FullName} is not a concrete actor type (it must derive from ActorBase).", nameof(actorType));
        var arguments = args ?? [];
        return new(actorType, () => (ActorBase)Activator.CreateInstance(actorType, arguments)!, null, MailboxType.Unbounded);
    }

    /// <summary>A copy that applies <paramref name="strategy"/> to the actor's children.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new(ActorType, _factory, strategy, Mailbox);
    }

    /// <summary>A copy with another mailbox, e.g. <c>MailboxType.Bounded(1000, MailboxOverflow.DropOldest)</c>.</summary>
    public Props WithMailbox(MailboxType mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new(ActorType, _factory, SupervisorStrategy, mailbox);
    }

    internal ActorBase NewActor()
    {
        var actor = _factory();
        if (actor is null) throw new InvalidOperationException($"The factory of Props for {ActorType.Name} returned null.");
        return actor;
    }

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name}, mailbox: {Mailbox})";
}

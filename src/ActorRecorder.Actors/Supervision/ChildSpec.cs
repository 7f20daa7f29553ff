namespace ActorRecorder.Actors.Supervision;

/// <summary>When a child that exited is restarted (OTP's restart types).</summary>
public enum Restart
{
    /// <summary>Always.</summary>
    Permanent,

    /// <summary>Only after an abnormal exit (not <see cref="ExitReason.Normal"/> or <see cref="ExitReason.Shutdown"/>).</summary>
    Transient,

    /// <summary>Never; its spec is removed when it exits, and a sibling's group restart does not re-create it.</summary>
    Temporary,
}

/// <summary>Whether a child is a worker or a supervisor (it changes its default shutdown).</summary>
public enum ChildType
{
    /// <summary>A worker; default shutdown <c>Timeout(5 s)</c>.</summary>
    Worker,

    /// <summary>A supervisor; default shutdown <see cref="Shutdown.Infinity"/>.</summary>
    Supervisor,
}

/// <summary>
/// OTP's child specification: how to start a child, when to restart it, how to stop it.
/// For a <see cref="SupervisorStrategyKind.SimpleOneForOne"/> supervisor, give a factory that turns
/// the arguments of <c>StartChild</c> into <see cref="Actors.Props"/>.
/// </summary>
public sealed record ChildSpec
{
    /// <summary>A spec that starts <paramref name="props"/>; the child is named <paramref name="id"/>.</summary>
    public ChildSpec(string id, Props props, Restart restart = Restart.Permanent, Shutdown? shutdown = null, ChildType type = ChildType.Worker, bool significant = false)
        : this(id, restart, shutdown, type, significant)
    {
        ArgumentNullException.ThrowIfNull(props);
        Props = props;
    }

    /// <summary>A spec whose props are made from start arguments (the template of a simple_one_for_one supervisor).</summary>
    public ChildSpec(string id, Func<IReadOnlyList<object?>, Props> factory, Restart restart = Restart.Permanent, Shutdown? shutdown = null,
        ChildType type = ChildType.Worker, bool significant = false)
        : this(id, restart, shutdown, type, significant)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Factory = factory;
    }

    private ChildSpec(string id, Restart restart, Shutdown? shutdown, ChildType type, bool significant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Restart = restart;
        Type = type;
        Shutdown = shutdown ?? (type == ChildType.Supervisor ? Shutdown.Infinity : Shutdown.Timeout(TimeSpan.FromSeconds(5)));
        Significant = significant;
    }

    /// <summary>The child's identifier (and actor name, except under simple_one_for_one).</summary>
    public string Id { get; init; }

    /// <summary>The props the child starts from, when fixed.</summary>
    public Props? Props { get; init; }

    /// <summary>Makes the props from start arguments (simple_one_for_one).</summary>
    public Func<IReadOnlyList<object?>, Props>? Factory { get; init; }

    /// <summary>When the child is restarted.</summary>
    public Restart Restart { get; init; }

    /// <summary>How the supervisor stops it.</summary>
    public Shutdown Shutdown { get; init; }

    /// <summary>Worker or supervisor.</summary>
    public ChildType Type { get; init; }

    /// <summary>Whether its exit counts for the supervisor's <see cref="AutoShutdown"/>.</summary>
    public bool Significant { get; init; }

    /// <summary>The props for one start of this child.</summary>
    internal Props PropsFor(IReadOnlyList<object?> arguments) =>
        Factory is { } factory
            ? factory(arguments) ?? throw new InvalidOperationException($"The factory of child spec '{Id}' returned null props.")
            : Props!;

    /// <inheritdoc />
    public override string ToString() => $"ChildSpec({Id}, {Restart}, {Shutdown}, {Type}{(Significant ? ", significant" : "")})";
}

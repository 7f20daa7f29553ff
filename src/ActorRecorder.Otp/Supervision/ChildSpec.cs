using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>
/// OTP's child specification: how to start a child, when to restart it, how to stop it. The child of a
/// spec made from <see cref="Akka.Actor.Props"/> is named after <see cref="Id"/>. The template of a
/// <see cref="SupervisorStrategyKind.SimpleOneForOne"/> supervisor is made from a factory that turns
/// the arguments of each <c>StartChild</c> into props.
/// </summary>
public sealed record ChildSpec
{
    /// <summary>A spec whose child is started from <paramref name="props"/> and named <paramref name="id"/>.</summary>
    /// <param name="id">The child's identifier, and its actor name.</param>
    /// <param name="props">What the child is started from.</param>
    /// <param name="restart">When it is restarted.</param>
    /// <param name="shutdown">How it is stopped; null for OTP's default (5 s for a worker, infinity for a supervisor).</param>
    /// <param name="type">Worker or supervisor.</param>
    /// <param name="significant">Whether its exit counts for the supervisor's <see cref="AutoShutdown"/>.</param>
    /// <param name="restartMode">How it comes back after a failure; null for the strategy's default.</param>
    public ChildSpec(string id, Props props, Restart restart = Restart.Permanent, Shutdown? shutdown = null, ChildType type = ChildType.Worker,
        bool significant = false, RestartMode? restartMode = null)
        : this(id, restart, shutdown, type, significant, restartMode)
    {
        ArgumentNullException.ThrowIfNull(props);
        Props = props;
    }

    /// <summary>The template of a simple_one_for_one supervisor: each child's props are made from its start arguments.</summary>
    /// <param name="id">The template's identifier (its children get generated names).</param>
    /// <param name="factory">Makes the props of one child from the arguments of <c>StartChild</c>.</param>
    /// <param name="restart">When a child is restarted.</param>
    /// <param name="shutdown">How the children are stopped; null for OTP's default.</param>
    /// <param name="type">Worker or supervisor.</param>
    /// <param name="significant">Whether a child's exit counts for the supervisor's <see cref="AutoShutdown"/>.</param>
    /// <param name="restartMode">How a child comes back after a failure; null for in place.</param>
    public ChildSpec(string id, Func<IReadOnlyList<object?>, Props> factory, Restart restart = Restart.Permanent, Shutdown? shutdown = null,
        ChildType type = ChildType.Worker, bool significant = false, RestartMode? restartMode = null)
        : this(id, restart, shutdown, type, significant, restartMode)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Factory = factory;
    }

    private ChildSpec(string id, Restart restart, Shutdown? shutdown, ChildType type, bool significant, RestartMode? restartMode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Restart = restart;
        Type = type;
        Shutdown = shutdown ?? (type == ChildType.Supervisor ? Shutdown.Infinity : Shutdown.Timeout(TimeSpan.FromSeconds(5)));
        Significant = significant;
        RestartMode = restartMode;
    }

    /// <summary>The child's identifier; also its actor name, except under simple_one_for_one.</summary>
    public string Id { get; init; }

    /// <summary>The props the child starts from, when fixed.</summary>
    public Props? Props { get; init; }

    /// <summary>Makes the props from start arguments (the template of a simple_one_for_one supervisor).</summary>
    public Func<IReadOnlyList<object?>, Props>? Factory { get; init; }

    /// <summary>When the child is restarted.</summary>
    public Restart Restart { get; init; }

    /// <summary>How the supervisor stops it.</summary>
    public Shutdown Shutdown { get; init; }

    /// <summary>Worker or supervisor.</summary>
    public ChildType Type { get; init; }

    /// <summary>Whether its exit counts for the supervisor's <see cref="AutoShutdown"/>.</summary>
    public bool Significant { get; init; }

    /// <summary>How the child comes back after a failure; null takes the strategy's default (see <see cref="Otp.RestartMode"/>).</summary>
    public RestartMode? RestartMode { get; init; }

    /// <summary>The props for one start of this child.</summary>
    internal Props PropsFor(IReadOnlyList<object?> arguments) =>
        Factory is { } factory
            ? factory(arguments) ?? throw new InvalidOperationException($"The factory of child spec '{Id}' returned null props.")
            : Props!;

    /// <inheritdoc />
    public override string ToString() =>
        $"ChildSpec({Id}, {Restart}, shutdown {Shutdown}, {Type}{(Significant ? ", significant" : "")}{(RestartMode is { } mode ? $", {mode}" : "")})";
}

using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>
/// Adds a child and starts it (<c>supervisor:start_child/2</c>): from a spec, or from start arguments
/// under simple_one_for_one. Replies <see cref="SupervisorResult.Started"/>, <see cref="SupervisorResult.AlreadyStarted"/>,
/// <see cref="SupervisorResult.AlreadyPresent"/> or <see cref="SupervisorResult.StartFailed"/>.
/// </summary>
public sealed record StartChild
{
    /// <summary>Start a child from <paramref name="spec"/>.</summary>
    public StartChild(ChildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
    }

    /// <summary>Start a child of a simple_one_for_one supervisor's template with <paramref name="arguments"/>.</summary>
    public StartChild(IReadOnlyList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        Arguments = arguments;
    }

    /// <summary>The spec, when starting from a spec.</summary>
    public ChildSpec? Spec { get; }

    /// <summary>The start arguments, under simple_one_for_one.</summary>
    public IReadOnlyList<object?>? Arguments { get; }
}

/// <summary>
/// Stops a child (<c>supervisor:terminate_child/2</c>) by id, or by ref (the only way under simple_one_for_one).
/// The spec stays unless it is temporary. Replies <see cref="SupervisorResult.Ok"/> once the child has terminated,
/// <see cref="SupervisorResult.NotFound"/>, or <see cref="SupervisorResult.SimpleOneForOne"/> for an id under simple_one_for_one.
/// </summary>
public sealed record TerminateChild
{
    /// <summary>By id.</summary>
    public TerminateChild(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>By ref.</summary>
    public TerminateChild(IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        Child = child;
    }

    /// <summary>The id, if given.</summary>
    public string? Id { get; }

    /// <summary>The ref, if given.</summary>
    public IActorRef? Child { get; }
}

/// <summary>
/// Starts the child of a spec whose child is not running (<c>supervisor:restart_child/2</c>). Replies
/// <see cref="SupervisorResult.Started"/>, <see cref="SupervisorResult.StartFailed"/>, <see cref="SupervisorResult.Running"/>,
/// <see cref="SupervisorResult.Restarting"/>, <see cref="SupervisorResult.NotFound"/> or <see cref="SupervisorResult.SimpleOneForOne"/>.
/// </summary>
/// <param name="Id">The spec's id.</param>
public sealed record RestartChild(string Id);

/// <summary>
/// Removes the spec of a child that is not running (<c>supervisor:delete_child/2</c>). Replies <see cref="SupervisorResult.Ok"/>,
/// <see cref="SupervisorResult.Running"/>, <see cref="SupervisorResult.Restarting"/>, <see cref="SupervisorResult.NotFound"/>
/// or <see cref="SupervisorResult.SimpleOneForOne"/>.
/// </summary>
/// <param name="Id">The spec's id.</param>
public sealed record DeleteChild(string Id);

/// <summary>Asks for every child (<c>supervisor:which_children/1</c>): replies an <see cref="IReadOnlyList{T}"/> of <see cref="ChildInfo"/> in start order.</summary>
public sealed record WhichChildren
{
    private WhichChildren()
    {
    }

    /// <summary>The single instance.</summary>
    public static WhichChildren Instance { get; } = new();
}

/// <summary>Asks for the counts (<c>supervisor:count_children/1</c>): replies <see cref="ChildCounts"/>.</summary>
public sealed record CountChildren
{
    private CountChildren()
    {
    }

    /// <summary>The single instance.</summary>
    public static CountChildren Instance { get; } = new();
}

/// <summary>
/// Asks for a child's spec (<c>supervisor:get_childspec/2</c>) by id or by ref: replies the <see cref="ChildSpec"/>
/// (under simple_one_for_one, the template) or <see cref="SupervisorResult.NotFound"/>.
/// </summary>
public sealed record GetChildSpec
{
    /// <summary>By id.</summary>
    public GetChildSpec(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>By ref.</summary>
    public GetChildSpec(IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        Child = child;
    }

    /// <summary>The id, if given.</summary>
    public string? Id { get; }

    /// <summary>The ref, if given.</summary>
    public IActorRef? Child { get; }
}

/// <summary>One child, as <c>which_children</c> reports it.</summary>
/// <param name="Id">The spec's id (under simple_one_for_one, the template's).</param>
/// <param name="Child">The running child, or null when none runs (OTP's <c>undefined</c> and <c>restarting</c>).</param>
/// <param name="Restarting">True while a failed restart waits to be tried again (OTP's <c>restarting</c>).</param>
/// <param name="Type">Worker or supervisor.</param>
public sealed record ChildInfo(string Id, IActorRef? Child, bool Restarting, ChildType Type)
{
    /// <summary>
    /// How many times this supervisor has restarted the child after an exit since the spec was added: its own exits,
    /// and under one_for_all and rest_for_one the exits of a sibling that took it down with the group. A failed restart
    /// that is tried again counts once. Not in OTP's <c>which_children</c>; the status page shows it.
    /// </summary>
    public int Restarts { get; init; }

    /// <summary>Equal as OTP's child tuples are: id, child, restarting and type. <see cref="Restarts"/> is a counter beside them.</summary>
    public bool Equals(ChildInfo? other) =>
        other is not null && Id == other.Id && Equals(Child, other.Child) && Restarting == other.Restarting && Type == other.Type;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Child, Restarting, Type);
}

/// <summary>The counts of <c>count_children</c>.</summary>
/// <param name="Specs">Child specs (under simple_one_for_one: 1, the template, as OTP).</param>
/// <param name="Active">Children running.</param>
/// <param name="Supervisors">Specs of type supervisor, running or not (under simple_one_for_one: children of that type).</param>
/// <param name="Workers">Specs of type worker, running or not (under simple_one_for_one: children of that type).</param>
public sealed record ChildCounts(int Specs, int Active, int Supervisors, int Workers);

/// <summary>The readiness probe of <see cref="Supervisor.StartAsync"/>, also its start acknowledgement to a parent supervisor:
/// answered once every initial child has started, or with a <see cref="Status.Failure"/> when one could not.</summary>
internal sealed class SupervisorReady
{
    public static readonly SupervisorReady Instance = new();
}

namespace ActorRecorder.Actors.Supervision;

/// <summary>Adds and starts a child: with a spec, or with start arguments under simple_one_for_one.
/// Replies <see cref="SupervisorResult.Started"/>, <see cref="SupervisorResult.AlreadyStarted"/>,
/// <see cref="SupervisorResult.AlreadyPresent"/> or <see cref="SupervisorResult.StartFailed"/>.</summary>
public sealed class StartChild
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

    /// <summary>The spec, when starting by spec.</summary>
    public ChildSpec? Spec { get; }

    /// <summary>The start arguments, under simple_one_for_one.</summary>
    public IReadOnlyList<object?>? Arguments { get; }
}

/// <summary>Terminates a child by id (or by ref, as simple_one_for_one requires); the spec stays unless
/// it is temporary. Replies <see cref="SupervisorResult.Ok"/> once it has terminated, or <see cref="SupervisorResult.NotFound"/>.</summary>
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

/// <summary>Starts the child of a spec whose child is not running. Replies <see cref="SupervisorResult.Started"/>,
/// <see cref="SupervisorResult.Running"/>, <see cref="SupervisorResult.Restarting"/> or <see cref="SupervisorResult.NotFound"/>.</summary>
/// <param name="Id">The spec's id.</param>
public sealed record RestartChild(string Id);

/// <summary>Removes the spec of a child that is not running. Replies <see cref="SupervisorResult.Ok"/>,
/// <see cref="SupervisorResult.Running"/>, <see cref="SupervisorResult.Restarting"/> or <see cref="SupervisorResult.NotFound"/>.</summary>
/// <param name="Id">The spec's id.</param>
public sealed record DeleteChild(string Id);

/// <summary>Asks for every child: replies an <see cref="IReadOnlyList{T}"/> of <see cref="ChildInfo"/> in start order.</summary>
public sealed class WhichChildren
{
    private WhichChildren()
    {
    }

    /// <summary>The single instance.</summary>
    public static WhichChildren Instance { get; } = new();
}

/// <summary>Asks for the counts: replies <see cref="ChildCounts"/>.</summary>
public sealed class CountChildren
{
    private CountChildren()
    {
    }

    /// <summary>The single instance.</summary>
    public static CountChildren Instance { get; } = new();
}

/// <summary>Asks for a child's spec: replies the <see cref="ChildSpec"/> or <see cref="SupervisorResult.NotFound"/>.</summary>
/// <param name="Id">The spec's id.</param>
public sealed record GetChildSpec(string Id);

/// <summary>One child, as <c>which_children</c> reports it.</summary>
/// <param name="Id">The spec's id.</param>
/// <param name="Child">The running child, or null when none runs.</param>
/// <param name="Restarting">True while it is being restarted.</param>
/// <param name="Type">Worker or supervisor.</param>
public sealed record ChildInfo(string Id, IActorRef? Child, bool Restarting, ChildType Type);

/// <summary>The counts of <c>count_children</c>.</summary>
/// <param name="Specs">Child specs (under simple_one_for_one: children).</param>
/// <param name="Active">Children running.</param>
/// <param name="Supervisors">Specs of type supervisor, running or not.</param>
/// <param name="Workers">Specs of type worker, running or not.</param>
public sealed record ChildCounts(int Specs, int Active, int Supervisors, int Workers);

/// <summary>The readiness probe of <see cref="Supervisor.StartAsync"/>: answered once all initial children have started.</summary>
internal sealed class SupervisorReady
{
    public static readonly SupervisorReady Instance = new();
}

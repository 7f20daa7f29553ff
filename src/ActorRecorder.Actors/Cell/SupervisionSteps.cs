namespace ActorRecorder.Actors;

/// <summary>
/// One step of an ordered supervision procedure (stop children one at a time, a group restart,
/// a termination). A step either completes when started or waits for an event from a child.
/// </summary>
internal abstract class SupervisionStep;

/// <summary>Stop a child and wait for its termination (or its shutdown timeout).</summary>
internal sealed class StopChildStep(ActorCell child, ExitReason reason) : SupervisionStep
{
    public ActorCell Child { get; } = child;

    public ExitReason Reason { get; } = reason;
}

/// <summary>First half of a group restart for one child: wait until its instance has stopped.</summary>
internal sealed class GroupStopStep(ActorCell child, Exception cause) : SupervisionStep
{
    public ActorCell Child { get; } = child;

    public Exception Cause { get; } = cause;
}

/// <summary>Second half of a group restart for one child: wait until its new instance has started (or failed).</summary>
internal sealed class GroupStartStep(ActorCell child, Exception cause) : SupervisionStep
{
    public ActorCell Child { get; } = child;

    public Exception Cause { get; } = cause;
}

/// <summary>Wait until every child asked to stop has terminated.</summary>
internal sealed class AwaitStoppingChildrenStep : SupervisionStep
{
    public static readonly AwaitStoppingChildrenStep Instance = new();
}

/// <summary>Finish a one-for-one restart once the old instance's children are gone.</summary>
internal sealed class FinishRestartStep(Exception cause, ChildAckKind? ack) : SupervisionStep
{
    public Exception Cause { get; } = cause;

    public ChildAckKind? Ack { get; } = ack;
}

/// <summary>
/// Start a child and wait until it has fully started (OTP's start_link), or has failed to.
/// <see cref="Done"/> gets the child, or null and the failure.
/// </summary>
internal sealed class StartChildStep(Props props, string? name, ChildOptions options, Action<ActorCell?, Exception?> done) : SupervisionStep
{
    public Props Props { get; } = props;

    public string? Name { get; } = name;

    public ChildOptions Options { get; } = options;

    public Action<ActorCell?, Exception?> Done { get; } = done;

    public ActorCell? Child { get; set; }

    /// <summary>Why the child failed to start; the step completes once the child has terminated.</summary>
    public Exception? Failure { get; set; }
}

/// <summary>Run an action in order with the other steps.</summary>
internal sealed class ActionStep(Action<ActorCell> action) : SupervisionStep
{
    public Action<ActorCell> Action { get; } = action;
}

/// <summary>What happened to a child while a step may be waiting for it.</summary>
internal enum StepEvent
{
    ChildTerminated,
    ChildFailed,
    Started,
    GroupStopped,
    GroupStarted,
}

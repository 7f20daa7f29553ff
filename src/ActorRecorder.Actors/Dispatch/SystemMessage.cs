namespace ActorRecorder.Actors;

/// <summary>
/// A kernel signal, processed before user messages. Each instance sits in exactly one
/// mailbox's intrusive list, so instances are never shared.
/// </summary>
internal abstract class SystemMessage
{
    /// <summary>The next signal in a mailbox's list.</summary>
    public SystemMessage? Next;
}

/// <summary>Create the actor instance and run PreStart.</summary>
internal sealed class Create : SystemMessage;

/// <summary>Stop the actor with a reason. A stop that does not come from the parent is the
/// actor's own exit: under an OTP supervisor it is reported to the parent, which decides.</summary>
internal sealed class Terminate(ExitReason reason, bool fromParent = false) : SystemMessage
{
    public ExitReason Reason { get; } = reason;

    public bool FromParent { get; } = fromParent;
}

/// <summary>End the actor at once with <see cref="ExitReason.Killed"/>, without PostStop.</summary>
internal sealed class BrutalKill : SystemMessage;

/// <summary>Restart the actor in place (one-for-one).</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>First half of a group restart: stop the instance, acknowledge, wait.</summary>
internal sealed class GroupRestartStop(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Second half of a group restart: create the new instance, acknowledge.</summary>
internal sealed class GroupRestartStart(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>What a child acknowledges to its parent.</summary>
internal enum ChildAckKind
{
    /// <summary>Its first instance started (and finished starting its own children).</summary>
    Started,

    /// <summary>A one-for-one restart finished.</summary>
    Restarted,

    /// <summary>First half of a group restart: its instance has stopped.</summary>
    GroupStopped,

    /// <summary>Second half of a group restart: its new instance has started.</summary>
    GroupStarted,
}

/// <summary>A child's acknowledgement to its parent, sent once the child's own supervision steps are done.</summary>
internal sealed class ChildAck(LocalActorRef child, ChildAckKind kind) : SystemMessage
{
    public LocalActorRef Child { get; } = child;

    public ChildAckKind Kind { get; } = kind;
}

/// <summary>Resume after a failure (the supervisor's Resume directive).</summary>
internal sealed class Resume : SystemMessage;

/// <summary>A child reports a failure to its parent.</summary>
internal sealed class Failed(LocalActorRef child, Exception cause) : SystemMessage
{
    public LocalActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;
}

/// <summary>Start watching: sent to the watchee.</summary>
internal sealed class Watch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}

/// <summary>Stop watching: sent to the watchee.</summary>
internal sealed class Unwatch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}

/// <summary>The watchee terminated: sent to each watcher and to the parent.</summary>
internal sealed class DeathWatchNotification(InternalActorRef actor, ExitReason reason) : SystemMessage
{
    public InternalActorRef Actor { get; } = actor;

    public ExitReason Reason { get; } = reason;
}

/// <summary>Create a link (sent to the other end).</summary>
internal sealed class LinkRequest(InternalActorRef from) : SystemMessage
{
    public InternalActorRef From { get; } = from;
}

/// <summary>Remove a link (sent to the other end).</summary>
internal sealed class UnlinkRequest(InternalActorRef from) : SystemMessage
{
    public InternalActorRef From { get; } = from;
}

/// <summary>A linked actor exited.</summary>
internal sealed class ExitSignal(InternalActorRef from, ExitReason reason) : SystemMessage
{
    public InternalActorRef From { get; } = from;

    public ExitReason Reason { get; } = reason;
}

/// <summary>The shutdown timeout of a child ran out: kill it and go on. <see cref="Step"/> is the
/// group-restart step that was waiting, if any (a stale timer of an earlier step is ignored).</summary>
internal sealed class ChildShutdownTimedOut(LocalActorRef child, SupervisionStep? step = null) : SystemMessage
{
    public LocalActorRef Child { get; } = child;

    public SupervisionStep? Step { get; } = step;
}

/// <summary>Run a continuation of an async handler inside the actor.</summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state, int generation) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;

    public int Generation { get; } = generation;
}

/// <summary>The task of an async handler completed.</summary>
internal sealed class AsyncHandlerCompleted(Task task, int generation) : SystemMessage
{
    public Task Task { get; } = task;

    public int Generation { get; } = generation;
}

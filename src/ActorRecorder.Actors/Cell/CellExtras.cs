using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>
/// The state most actors never need (watches, links, stash, timers, supervision bookkeeping),
/// allocated on first use so that a plain actor stays small.
/// </summary>
internal sealed class CellExtras
{
    public List<Receive>? Behaviors;
    public ILogger? Log;
    public SupervisorStrategy? Strategy;

    public Dictionary<InternalActorRef, object?>? Watching;
    public HashSet<InternalActorRef>? WatchedBy;
    public HashSet<InternalActorRef>? TerminatedQueued;
    public HashSet<InternalActorRef>? Links;
    public bool TrapExit;

    public TimeSpan? ReceiveTimeout;
    public long LastActivity;
    public int ReceiveTimeoutGeneration;
    public ICancelable? ReceiveTimeoutTimer;

    public TimerScheduler? Timers;
    public ActorStash? StashHandle;
    public LinkedList<Envelope>? Stash;
    public LinkedList<Envelope>? Unstashed;

    public object? FailedMessage;
    public ExitReason? ExitReason;
    public HashSet<LocalActorRef>? EscalatedChildren;
    public Exception? FailureCause;
    public RestartWindow? RestartWindow;
    public List<Failed>? DeferredFailures;
    public Queue<SupervisionStep>? Steps;
    public SupervisionStep? CurrentStep;
    public HashSet<ActorCell>? AwaitingGroupStart;
    public ChildAckKind? PendingAck;

    public int AsyncGeneration;
    public int PendingTasks;
    public ActorSynchronizationContext? AsyncContext;
    public object? AsyncMessage;
    public IActorRef? AsyncSender;
}

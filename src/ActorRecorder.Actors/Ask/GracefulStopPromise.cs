namespace ActorRecorder.Actors;

/// <summary>Waits for a target to terminate after it was sent a stop message: true if it did in time.</summary>
internal sealed class GracefulStopPromise : PromiseActorRef
{
    private readonly TaskCompletionSource<bool> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GracefulStopPromise(ActorSystem system, InternalActorRef target) : base(system, target)
    {
    }

    public static Task<bool> Start(ActorSystem system, InternalActorRef target, object stopMessage, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var promise = new GracefulStopPromise(system, target);
        promise.Arm(timeout, cancellationToken);
        if (!promise.IsTerminated) target.Tell(stopMessage, null);
        return promise._stopped.Task;
    }

    // Replies are not what this promise waits for: they go to dead letters like any late reply.
    public override void Tell(object message, IActorRef? sender) => Target.System?.DeadLetterRef.Publish(message, sender, this);

    protected override void OnReply(object message)
    {
    }

    protected override void OnTargetTerminated(ExitReason reason) => _stopped.TrySetResult(true);

    protected override void OnTimeout() => _stopped.TrySetResult(false);

    protected override void OnCancelled(CancellationToken token) => _stopped.TrySetCanceled(token);
}

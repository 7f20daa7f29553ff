namespace ActorRecorder.Actors;

/// <summary>The promise of one <c>Ask&lt;T&gt;</c>.</summary>
internal sealed class AskPromise<T> : PromiseActorRef
{
    private readonly TaskCompletionSource<T> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Type _messageType;
    private readonly TimeSpan _timeout;

    private AskPromise(ActorSystem system, InternalActorRef target, Type messageType, TimeSpan timeout) : base(system, target)
    {
        _messageType = messageType;
        _timeout = timeout;
    }

    public static Task<T> Start(ActorSystem system, InternalActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var promise = new AskPromise<T>(system, target, message.GetType(), timeout);
        promise.Arm(timeout, cancellationToken);
        if (!promise.IsTerminated) target.Tell(message, promise);
        return promise._reply.Task;
    }

    public static Task<T> Start(ActorSystem system, InternalActorRef target, Func<IActorRef, object> messageFactory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var promise = new AskPromise<T>(system, target, typeof(object), timeout);
        object message;
        try
        {
            message = messageFactory(promise);
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
        LocalActorRef.RequireMessage(message);
        promise.Arm(timeout, cancellationToken);
        if (!promise.IsTerminated) target.Tell(message, promise);
        return promise._reply.Task;
    }

    protected override void OnReply(object message)
    {
        switch (message)
        {
            case Status.Failure failure when typeof(T) != typeof(Status.Failure):
                _reply.TrySetException(failure.Cause);
                break;
            case T reply:
                _reply.TrySetResult(reply);
                break;
            default:
                _reply.TrySetException(new InvalidCastException(
                    $"Ask<{typeof(T).Name}> to {Target.Path} got a reply of type {message.GetType().FullName}, expected {typeof(T).FullName}."));
                break;
        }
    }

    protected override void OnTargetTerminated(ExitReason reason) =>
        _reply.TrySetException(new AskTargetTerminatedException(Target, reason, _messageType));

    protected override void OnTimeout() => _reply.TrySetException(new AskTimeoutException(Target, _messageType, _timeout));

    protected override void OnCancelled(CancellationToken token) => _reply.TrySetCanceled(token);
}

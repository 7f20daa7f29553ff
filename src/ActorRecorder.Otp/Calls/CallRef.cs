using Akka.Actor;
using Akka.Dispatch.SysMsg;

namespace ActorRecorder.Otp;

/// <summary>
/// The temporary sender of one <c>Call</c>: Akka's future ref (the reply, a <see cref="Status.Failure"/>'s
/// cause, a reply of the wrong type) that also watches the target, so the target's death fails the call at once.
/// </summary>
internal sealed class CallRef<T> : FutureActorRef<T>
{
    private readonly TaskCompletionSource<T> _result;
    private readonly IInternalActorRef _target;
    private readonly Type _messageType;
    private int _unwatched;

    private CallRef(TaskCompletionSource<T> result, ActorPath path, IActorRefProvider provider, IInternalActorRef target, Type messageType)
        : base(result, path, provider)
    {
        _result = result;
        _target = target;
        _messageType = messageType;
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with a new call ref as sender, and returns the reply task.</summary>
    public static Task<T> Start(IInternalActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<T>(cancellationToken);
        var provider = target.Provider;
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var path = provider.TempPath();
        var call = new CallRef<T>(result, path, provider, target, message.GetType());
        provider.RegisterTempActor(call, path);

        // The watch goes out before anything can complete the call, so the unwatch that ends it always follows it.
        target.SendSystemMessage(new Watch(target, call));
        CancellationTokenSource? timer = null;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            timer = new CancellationTokenSource(timeout);
            timer.Token.Register(static state =>
            {
                var (c, t) = ((CallRef<T>, TimeSpan))state!;
                c._result.TrySetException(new CallTimeoutException(c._target, c._messageType, t));
            }, (call, timeout));
        }
        var cancellation = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static state => ((TaskCompletionSource<T>)state!).TrySetCanceled(), result)
            : default;
        result.Task.ContinueWith(_ =>
        {
            provider.UnregisterTempActor(path);
            // A target that is still alive forgets the watch; a dead one has nothing to forget.
            if (result.Task.Exception?.InnerException is not NoProcException) call.Unwatch();
            timer?.Dispose();
            cancellation.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        target.Tell(message, call);
        return result.Task;
    }

    /// <inheritdoc />
    protected override void TellInternal(object message, IActorRef sender)
    {
        base.TellInternal(message, sender);
        // The reply usually comes from the target's own turn, where the unwatch costs no extra scheduling of its mailbox.
        Unwatch();
    }

    private void Unwatch()
    {
        if (Interlocked.Exchange(ref _unwatched, 1) == 0) _target.SendSystemMessage(new Unwatch(_target, this));
    }

    /// <inheritdoc />
    public override void SendSystemMessage(ISystemMessage message)
    {
        if (message is DeathWatchNotification death && death.Actor.Equals(_target))
        {
            _result.TrySetException(new NoProcException(_target, _messageType, death.ExistenceConfirmed));
            return;
        }
        base.SendSystemMessage(message);
    }
}

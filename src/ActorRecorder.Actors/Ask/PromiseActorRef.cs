using System.Globalization;
using System.Runtime.CompilerServices;

namespace ActorRecorder.Actors;

/// <summary>
/// A temporary actor ref that waits for one event about a target: a reply, the target's death,
/// a timeout or a cancellation. It watches the target, so a death is seen at once; whatever
/// arrives after it completed goes to dead letters.
/// </summary>
internal abstract class PromiseActorRef : InternalActorRef
{
    private readonly ActorSystem _system;
    private readonly long _uid;
    private ActorPath? _path;
    private int _completed;
    private ICancelable? _timer;
    private CancellationTokenRegistration _registration;

    protected PromiseActorRef(ActorSystem system, InternalActorRef target)
    {
        _system = system;
        Target = target;
        _uid = system.NewUid();
    }

    protected InternalActorRef Target { get; }

    public override ActorPath Path => _path ??= _system.TempPath.Child("$" + ((ulong)_uid).ToString("x", CultureInfo.InvariantCulture), _uid);

    public override ActorSystem? System => _system;

    public override bool IsTerminated => Volatile.Read(ref _completed) != 0;

    /// <summary>Watches the target, arms the timeout and the cancellation; then the caller sends.</summary>
    protected void Arm(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Timer and token first: a target that is already dead answers the watch at once, and the
        // completion must find them to cancel.
        if (timeout != Timeout.InfiniteTimeSpan)
            _timer = _system.InternalScheduler.ScheduleCallback(timeout, static p => ((PromiseActorRef)p).TimedOut(), this);
        if (cancellationToken.CanBeCanceled)
            _registration = cancellationToken.UnsafeRegister(static (p, token) => ((PromiseActorRef)p!).Cancelled(token), this);
        Target.SendSystemMessage(new Watch(Target, this));
        if (IsTerminated)
        {
            // Completed while arming: make sure nothing stays armed.
            _timer?.Cancel();
            _registration.Dispose();
        }
    }

    public override void Tell(object message, IActorRef? sender)
    {
        LocalActorRef.RequireMessage(message);
        if (!TryComplete(unwatch: true))
        {
            _system.DeadLetterRef.Publish(message, sender, this);
            return;
        }
        OnReply(message);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification && notification.Actor.Equals(Target) && TryComplete(unwatch: false))
            OnTargetTerminated(notification.Reason);
    }

    private void TimedOut()
    {
        if (TryComplete(unwatch: true)) OnTimeout();
    }

    private void Cancelled(CancellationToken token)
    {
        if (TryComplete(unwatch: true)) OnCancelled(token);
    }

    private bool TryComplete(bool unwatch)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0) return false;
        _timer?.Cancel();
        _registration.Dispose();
        if (unwatch) Target.SendSystemMessage(new Unwatch(Target, this));
        return true;
    }

    protected abstract void OnReply(object message);

    protected abstract void OnTargetTerminated(ExitReason reason);

    protected abstract void OnTimeout();

    protected abstract void OnCancelled(CancellationToken token);

    // Promises are unique objects: identity hashing avoids building a path for every Ask.
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj) || base.Equals(obj);
}

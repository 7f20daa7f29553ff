namespace ActorRecorder.Actors;

/// <summary>Death watch (monitors) and links, with OTP's semantics for dead targets and exit reasons.</summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject) => AddWatch(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return AddWatch(subject, message);
    }

    private IActorRef AddWatch(IActorRef subject, object? customMessage)
    {
        var target = AsInternal(subject, nameof(subject));
        if (target.Equals(_self)) return subject;
        var watching = Extras.Watching ??= [];
        if (watching.TryGetValue(target, out var existing))
        {
            if (!Equals(existing, customMessage))
                throw new InvalidOperationException(
                    $"{_self.Path} already watches {target.Path} with {(existing is null ? "Terminated" : $"message {existing}")}; call Unwatch before watching it with another message.");
            return subject;
        }
        watching[target] = customMessage;
        target.SendSystemMessage(new Watch(target, _self));
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        var target = AsInternal(subject, nameof(subject));
        if (_extras is { } extras)
        {
            if (extras.Watching?.Remove(target) == true) target.SendSystemMessage(new Unwatch(target, _self));
            extras.TerminatedQueued?.Remove(target);
        }
        return subject;
    }

    private void HandleWatch(Watch watch)
    {
        if (!watch.Watchee.Equals(_self) || watch.Watcher.Equals(_self)) return;
        (Extras.WatchedBy ??= []).Add(watch.Watcher);
    }

    private void HandleUnwatch(Unwatch unwatch) => _extras?.WatchedBy?.Remove(unwatch.Watcher);

    private void HandleDeathWatchNotification(DeathWatchNotification notification)
    {
        if (notification.Actor is LocalActorRef { Cell: var cell } && ReferenceEquals(cell._parent, this)) OnChildTerminated(cell, notification.Reason);

        if (_extras?.Watching is not { } watching || !watching.Remove(notification.Actor, out var customMessage)) return;
        if (_lifecycle != LifecycleRunning) return;
        // Through our own user queue: it arrives after every message the dead actor sent before it died.
        (Extras.TerminatedQueued ??= []).Add(notification.Actor);
        Post(new WatchedActorTerminated(notification.Actor, notification.Reason, customMessage), notification.Actor);
    }

    public bool TrapExit
    {
        get => _extras?.TrapExit ?? false;
        set => Extras.TrapExit = value;
    }

    public void Link(IActorRef other)
    {
        var target = AsInternal(other, nameof(other));
        if (target.Equals(_self)) return;
        if ((Extras.Links ??= []).Add(target)) target.SendSystemMessage(new LinkRequest(_self));
    }

    public void Unlink(IActorRef other)
    {
        var target = AsInternal(other, nameof(other));
        if (_extras?.Links?.Remove(target) == true) target.SendSystemMessage(new UnlinkRequest(_self));
    }

    private void HandleLinkRequest(LinkRequest link)
    {
        if (link.From.Equals(_self)) return;
        (Extras.Links ??= []).Add(link.From);
    }

    /// <summary>
    /// A linked actor exited. Trapping actors get an <see cref="Exit"/> message; others ignore a
    /// normal exit and stop with the same reason on any other, as OTP's link semantics.
    /// </summary>
    private void HandleExitSignal(ExitSignal signal)
    {
        if (_extras?.Links?.Remove(signal.From) != true) return;
        if (_lifecycle != LifecycleRunning) return;
        if (_extras.TrapExit)
        {
            // Through the user queue, in order with messages; a bounded mailbox never drops kernel messages.
            Post(new TrappedExit(new Exit(signal.From, signal.Reason)), signal.From);
            return;
        }
        if (signal.Reason.IsNormal) return;
        ExitSelf(signal.Reason);
    }

    /// <summary>Tells parent, watchers and links that this actor terminated, and drops our own watches.</summary>
    private void NotifyTermination(ExitReason reason)
    {
        _parent?.PostSystemMessage(new DeathWatchNotification(_self, reason));
        if (_extras is not { } extras) return;
        if (extras.WatchedBy is { } watchers)
        {
            foreach (var watcher in watchers)
            {
                if (_parent is null || !ReferenceEquals(watcher, _parent.Self)) watcher.SendSystemMessage(new DeathWatchNotification(_self, reason));
            }
            extras.WatchedBy = null;
        }
        if (extras.Links is { } links)
        {
            foreach (var linked in links) linked.SendSystemMessage(new ExitSignal(_self, reason));
            extras.Links = null;
        }
        if (extras.Watching is { } watching)
        {
            foreach (var watchee in watching.Keys) watchee.SendSystemMessage(new Unwatch(watchee, _self));
            extras.Watching = null;
        }
        extras.TerminatedQueued = null;
    }

    private static InternalActorRef AsInternal(IActorRef actor, string parameter)
    {
        ArgumentNullException.ThrowIfNull(actor, parameter);
        return actor as InternalActorRef
               ?? throw new ArgumentException($"{actor} is not a reference created by an ActorRecorder actor system.", parameter);
    }
}

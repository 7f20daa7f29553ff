using ActorRecorder.Actors.Supervision;
using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>Children: creation, lookup and stopping.</summary>
internal sealed partial class ActorCell
{
    private ChildrenContainer? _children;

    /// <summary>The previous sibling in the parent's start order (maintained under the parent's container lock).</summary>
    internal ActorCell? PrevSibling;

    /// <summary>The next sibling in the parent's start order.</summary>
    internal ActorCell? NextSibling;

    /// <summary>True once the parent asked this child to stop (parent's turn only).</summary>
    internal bool StoppingByParent;

    public IActorRef ActorOf(Props props, string? name = null) => MakeChild(props, name, ChildOptions.Default).Self;

    /// <summary>Creates and starts a child. Thread-safe (guardians accept children from any thread).</summary>
    internal ActorCell MakeChild(Props props, string? name, ChildOptions options)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null) ActorName.Validate(name);
        if (_lifecycle != LifecycleRunning)
            throw new InvalidOperationException($"Cannot create child '{name}' of {_self.Path}: the actor is terminating or terminated.");

        var container = _children ?? CreateChildrenContainer();
        var child = container.Add(name,
            childName => new ActorCell(_system, this, props, _self.Path.Child(childName, _system.NewUid()), options),
            _self.Path.ToString());
        child.Start();
        return child;
    }

    private ChildrenContainer CreateChildrenContainer()
    {
        Interlocked.CompareExchange(ref _children, new ChildrenContainer(), null);
        return _children!;
    }

    public IEnumerable<IActorRef> GetChildren() =>
        _children is { } container ? container.Snapshot().ConvertAll(static c => (IActorRef)c.Self) : [];

    public IActorRef Child(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _children?.Get(name)?.Self ?? ActorRefs.Nobody;
    }

    /// <summary>The children in start order (a snapshot).</summary>
    internal List<ActorCell> ChildrenInStartOrder() => _children?.Snapshot() ?? [];

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(_self))
        {
            // Like Akka: the stop happens after the current message, as a signal to ourselves.
            PostSystemMessage(new Terminate(ExitReason.Normal));
        }
        else if (actor is LocalActorRef { Cell: var cell } && IsMyChild(cell))
        {
            StopChild(cell, ExitReason.Shutdown);
        }
        else if (actor is InternalActorRef other)
        {
            other.Stop(ExitReason.Shutdown);
        }
    }

    private bool IsMyChild(ActorCell cell) => ReferenceEquals(cell._parent, this) && _children is { } c && c.Contains(cell);

    /// <summary>Asks a child to stop according to its shutdown policy (parent's turn only).</summary>
    private void StopChild(ActorCell child, ExitReason reason)
    {
        if (child.StoppingByParent) return;
        child.StoppingByParent = true;
        if (child.ShutdownPolicy.IsBrutalKill)
        {
            child.PostSystemMessage(new BrutalKill());
            ForgetChild(child, ExitReason.Killed);
            return;
        }
        _children!.StoppingCount++;
        child.PostSystemMessage(new Terminate(reason, fromParent: true));
        ArmShutdownTimer(child, null);
    }

    /// <summary>Kills <paramref name="child"/> if it has not stopped when its shutdown timeout runs out.</summary>
    private void ArmShutdownTimer(ActorCell child, SupervisionStep? step)
    {
        if (child.ShutdownPolicy.TimeoutValue is not { } timeout) return;
        _system.InternalScheduler.ScheduleCallback(timeout,
            static state =>
            {
                var (parent, timedOut) = ((ActorCell, ChildShutdownTimedOut))state;
                parent.PostSystemMessage(timedOut);
            },
            (this, new ChildShutdownTimedOut(child.Self, step)));
    }

    private void OnChildShutdownTimedOut(ChildShutdownTimedOut timedOut)
    {
        var childRef = timedOut.Child;
        var child = childRef.Cell;
        if (!IsMyChild(child)) return;
        var waitingGroupStop = timedOut.Step is not null && ReferenceEquals(_extras?.CurrentStep, timedOut.Step);
        if (!waitingGroupStop && (timedOut.Step is not null || !child.StoppingByParent)) return;
        Log.LogWarning("Child {Child} did not stop within its shutdown policy {Policy}; it is killed and the supervisor goes on.",
            Strategy.Describe(child), child.ShutdownPolicy);
        child.PostSystemMessage(new BrutalKill());
        ForgetChild(child, ExitReason.Killed);
        OnStepEvent(StepEvent.ChildTerminated, childRef);
    }

    /// <summary>A child's termination arrived: forget it, then let a waiting supervision step go on.</summary>
    private void OnChildTerminated(ActorCell child, ExitReason reason)
    {
        ForgetChild(child, reason);
        OnStepEvent(StepEvent.ChildTerminated, child.Self);
    }

    /// <summary>Removes a terminated (or killed) child once, and tells the strategy why it went.</summary>
    private void ForgetChild(ActorCell child, ExitReason reason)
    {
        if (_children is not { } container || !container.Remove(child)) return;
        if (child.StoppingByParent && !child.ShutdownPolicy.IsBrutalKill) container.StoppingCount--;
        _extras?.DeferredFailures?.RemoveAll(f => ReferenceEquals(f.Child.Cell, child));
        _extras?.AwaitingGroupStart?.Remove(child);
        Strategy.OnChildTerminated(child, reason);
    }

    /// <summary>
    /// Default of PreRestart: the children stop one at a time in reverse start order before the new
    /// instance starts, unwatched first (as Akka's default), so their Terminated does not reach the
    /// new instance.
    /// </summary>
    internal void StopChildrenForRestart()
    {
        foreach (var child in ChildrenInStartOrder()) Unwatch(child.Self);
        EnqueueStopOfChildren(reasonForFailed: null, failed: null, closeContainer: false);
    }

    /// <summary>
    /// Queues the stop of every child: one at a time in reverse start order (OTP), or all at once
    /// when the strategy says so (simple_one_for_one), followed by a wait for all of them.
    /// </summary>
    private void EnqueueStopOfChildren(ExitReason? reasonForFailed, ActorCell? failed, bool closeContainer)
    {
        // Closing needs a container even if there were no children yet, or a racing ActorOf could add one after.
        var container = closeContainer ? _children ?? CreateChildrenContainer() : _children;
        if (container is null) return;
        var children = closeContainer ? container.CloseAndSnapshot() : container.Snapshot();
        ExitReason ReasonOf(ActorCell child) => ReferenceEquals(child, failed) && reasonForFailed is not null ? reasonForFailed : ExitReason.Shutdown;
        if (Strategy.StopsChildrenConcurrently)
        {
            EnqueueStep(new ActionStep(cell =>
            {
                foreach (var child in children) cell.StopChild(child, ReasonOf(child));
            }));
        }
        else
        {
            for (var i = children.Count - 1; i >= 0; i--) EnqueueStep(new StopChildStep(children[i], ReasonOf(children[i])));
        }
        EnqueueStep(AwaitStoppingChildrenStep.Instance);
    }
}

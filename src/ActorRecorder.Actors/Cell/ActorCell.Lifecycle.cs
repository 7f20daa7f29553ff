using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>Creation, restart and termination of the actor instance.</summary>
internal sealed partial class ActorCell
{
    private const int LifecycleRunning = 0;
    private const int LifecycleTerminating = 1;
    private const int LifecycleTerminated = 2;

    private volatile int _lifecycle;
    private Hold _hold;

    /// <summary>Why user messages are held; the actor processes user messages only when none applies.</summary>
    [Flags]
    private enum Hold : byte
    {
        None = 0,
        Failed = 1,
        Restarting = 2,
        AwaitingTask = 4,
        Terminating = 8,
        Supervising = 16,
    }

    private void HandleCreate()
    {
        if (_lifecycle != LifecycleRunning || _actor is not null) return;
        var failure = NewInstance(restartCause: null);
        if (failure is not null) HandleInvokeFailure(failure);
        else if (AcknowledgesStart) QueueAck(ChildAckKind.Started);
    }

    /// <summary>
    /// An exit the actor makes on its own: stopping itself, a PoisonPill, a linked actor's exit, or
    /// a stop from anyone but its parent. Under an OTP supervisor the parent decides (it may restart
    /// the actor in place); otherwise the actor terminates with <paramref name="reason"/>.
    /// </summary>
    private void ExitSelf(ExitReason reason)
    {
        if (_lifecycle != LifecycleRunning) return;
        if (!ExitsToParent || _parent is null)
        {
            BeginTermination(reason);
            return;
        }
        // Already failed and waiting for the parent's decision: in OTP terms it is dead already.
        if ((_hold & Hold.Failed) != 0) return;
        HandleInvokeFailure(new ActorExitException(reason, $"{_self.Path} exited with reason '{reason}'."));
    }

    /// <summary>Tells the parent <paramref name="kind"/> once no supervision step of this actor is pending.</summary>
    private void QueueAck(ChildAckKind kind)
    {
        Extras.PendingAck = kind;
        TrySendPendingAck();
    }

    private void TrySendPendingAck()
    {
        if (_extras?.PendingAck is not { } kind || (_hold & Hold.Supervising) != 0 || _parent is null) return;
        _extras.PendingAck = null;
        _parent.PostSystemMessage(new ChildAck(_self, kind));
    }

    /// <summary>Makes a new instance and runs PreStart (or PostRestart); returns the failure, if any.</summary>
    private ActorInitializationException? NewInstance(Exception? restartCause)
    {
        ActorBase actor;
        t_underConstruction = this;
        try
        {
            actor = _props.NewActor();
        }
        catch (Exception e)
        {
            return new ActorInitializationException(_self, $"{_self.Path}: the constructor of {_props.ActorType.Name} threw {e.GetType().Name}: {e.Message}", e);
        }
        finally
        {
            t_underConstruction = null;
        }

        if (!ReferenceEquals(actor.Cell, this))
            return new ActorInitializationException(_self,
                $"{_self.Path}: the Props factory of {_props.ActorType.Name} returned an instance that was not created by it; return a new instance on every call.");

        _actor = actor;
        if (actor is IWithStash withStash) withStash.Stash = Extras.StashHandle ??= new ActorStash(this);
        if (actor is IWithTimers withTimers) withTimers.Timers = Extras.Timers ??= new TimerScheduler(this);

        var hook = restartCause is null ? "PreStart" : "PostRestart";
        try
        {
            if (restartCause is null) actor.InvokePreStart();
            else actor.InvokePostRestart(restartCause);
            return null;
        }
        catch (Exception e)
        {
            // An instance that never started gets no PostStop/PreRestart (OTP runs no terminate after a failed init).
            _actor = null;
            return new ActorInitializationException(_self, $"{_self.Path}: {hook} of {_props.ActorType.Name} threw {e.GetType().Name}: {e.Message}", e);
        }
    }

    private void HandleResume()
    {
        if (_lifecycle != LifecycleRunning) return;
        if (_actor is null)
        {
            // Nothing to resume: the constructor failed. Resuming means trying again.
            HandleRecreate(new ActorInitializationException(_self, $"{_self.Path} was resumed without an instance; it is created anew."));
            return;
        }
        _hold &= ~Hold.Failed;
        if (_extras?.EscalatedChildren is { } children)
        {
            _extras.EscalatedChildren = null;
            foreach (var child in children) child.SendSystemMessage(new Resume());
        }
    }

    /// <summary>One-for-one restart: stop the instance (and its children), then create a new one.</summary>
    private void HandleRecreate(Exception cause)
    {
        if (_lifecycle != LifecycleRunning) return;
        StopInstanceForRestart(cause);
        ChildAckKind? ack = ExitsToParent ? ChildAckKind.Restarted : null;
        if (_extras?.CurrentStep is null && (_children?.StoppingCount ?? 0) == 0 && _extras?.Steps is not { Count: > 0 })
        {
            FinishRestart(cause, ack);
            return;
        }
        EnqueueStep(AwaitStoppingChildrenStep.Instance);
        EnqueueStep(new FinishRestartStep(cause, ack));
        RunSteps();
    }

    private void HandleGroupRestartStop(Exception cause)
    {
        if (_lifecycle != LifecycleRunning) return;
        StopInstanceForRestart(cause);
        EnqueueStep(AwaitStoppingChildrenStep.Instance);
        EnqueueStep(new ActionStep(static cell => cell.QueueAck(ChildAckKind.GroupStopped)));
        RunSteps();
    }

    private void HandleGroupRestartStart(Exception cause)
    {
        if (_lifecycle != LifecycleRunning) return;
        FinishRestart(cause, ChildAckKind.GroupStarted);
    }

    private void StopInstanceForRestart(Exception cause)
    {
        _hold |= Hold.Restarting;
        var extras = Extras;
        var failedMessage = extras.FailedMessage;
        extras.FailedMessage = null;
        CancelTimersAndTimeouts();
        AbandonAsyncHandlers();

        if (_actor is { } actor)
        {
            ReturnStashToMailbox();
            try
            {
                actor.InvokePreRestart(cause, failedMessage);
            }
            catch (Exception e)
            {
                Log.LogError(e, "PreRestart threw; the actor is restarted anyway.");
            }
        }

        _actor = null;
        extras.Behaviors?.Clear();
        extras.Strategy = null;
    }

    internal void FinishRestart(Exception cause, ChildAckKind? ack)
    {
        if (_lifecycle != LifecycleRunning) return;
        _hold &= ~(Hold.Restarting | Hold.Failed);
        _extras?.RestartWindow?.Reset();
        var failure = NewInstance(cause);
        if (failure is not null)
        {
            HandleInvokeFailure(failure);
            return;
        }
        if (ack is { } kind) QueueAck(kind);

        // Children whose failure was escalated and that survived the restart (PreRestart kept them)
        // are suspended: they restart with their parent, as in Akka.
        if (_extras?.EscalatedChildren is { } escalated)
        {
            _extras.EscalatedChildren = null;
            foreach (var child in escalated)
            {
                if (IsMyChild(child.Cell)) child.SendSystemMessage(new Recreate(cause));
            }
        }
    }

    /// <summary>
    /// Starts terminating with <paramref name="reason"/>: stop the children one at a time in reverse
    /// start order, then run PostStop and tell parent, watchers and links. The first reason wins.
    /// </summary>
    private void BeginTermination(ExitReason reason)
    {
        if (_lifecycle != LifecycleRunning) return;
        _lifecycle = LifecycleTerminating;
        _hold |= Hold.Terminating;
        var extras = Extras;
        extras.ExitReason = reason;
        CancelTimersAndTimeouts();
        AbandonAsyncHandlers();
        ClearSteps();
        EnqueueStopOfChildren(reasonForFailed: null, failed: null, closeContainer: true);
        EnqueueStep(new ActionStep(static cell => cell.FinishTermination(runPostStop: true)));
        RunSteps();
    }

    /// <summary>OTP's brutal kill: end now with <see cref="ExitReason.Killed"/>, no PostStop; children are told to stop but not awaited.</summary>
    private void HandleBrutalKill()
    {
        if (_lifecycle == LifecycleTerminated) return;
        _lifecycle = LifecycleTerminating;
        _hold |= Hold.Terminating;
        Extras.ExitReason = ExitReason.Killed;
        CancelTimersAndTimeouts();
        AbandonAsyncHandlers();
        ClearSteps();
        foreach (var child in (_children ?? CreateChildrenContainer()).CloseAndSnapshot())
            child.PostSystemMessage(new Terminate(ExitReason.Shutdown, fromParent: true));
        FinishTermination(runPostStop: false);
    }

    private void FinishTermination(bool runPostStop)
    {
        if (_lifecycle == LifecycleTerminated) return;
        if (runPostStop && _actor is { } actor)
        {
            try
            {
                actor.InvokePostStop();
            }
            catch (Exception e)
            {
                Log.LogError(e, "PostStop threw; the actor terminates anyway.");
            }
        }
        _actor = null;
        var reason = _extras?.ExitReason ?? ExitReason.Shutdown;
        _lifecycle = LifecycleTerminated;
        // Close first (late signals are answered by their senders), tell parent, watchers and links,
        // and only then hand what is left in the mailbox to dead letters.
        MarkMailboxClosed();
        NotifyTermination(reason);
        DrainClosedMailbox();
        if (_parent is null) _system.OnRootTerminated();
    }

    private void CancelTimersAndTimeouts()
    {
        CancelReceiveTimeout();
        if (_extras is not { } extras) return;
        extras.ReceiveTimeout = null;
        extras.Timers?.CancelAll();
    }
}

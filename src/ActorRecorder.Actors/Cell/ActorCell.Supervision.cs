using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>
/// The parent's side of supervision: deciding on a child's failure, counting restarts in OTP's
/// sliding window, group restarts in order, and giving up. Ordered work runs as a queue of
/// <see cref="SupervisionStep"/>s; while one runs, the actor holds its user messages (an OTP
/// supervisor is busy while it restarts children) and defers further failures.
/// </summary>
internal sealed partial class ActorCell
{
    private bool _runningSteps;

    /// <summary>Children whose failure this actor escalated and that wait for its fate (observed by specs).</summary>
    internal int EscalatedChildCount => _extras?.EscalatedChildren?.Count ?? 0;

    private SupervisorStrategy Strategy
    {
        get
        {
            var extras = Extras;
            if (extras.Strategy is { } strategy) return strategy;
            try
            {
                strategy = _props.SupervisorStrategy ?? _actor?.InvokeSupervisorStrategy() ?? _system.Settings.DefaultSupervisorStrategy;
            }
            catch (Exception e)
            {
                Log.LogError(e, "SupervisorStrategy() threw; the default strategy is used.");
                strategy = _system.Settings.DefaultSupervisorStrategy;
            }
            return extras.Strategy = strategy;
        }
    }

    private void HandleFailed(Failed failed)
    {
        if (_lifecycle != LifecycleRunning) return;
        var child = failed.Child.Cell;
        if (!IsMyChild(child) || child.StoppingByParent) return;
        // A failure of the old instance of a child that is being restarted with its group is stale.
        if (_extras?.AwaitingGroupStart?.Contains(child) == true) return;
        if (_extras?.CurrentStep is StartChildStep start && ReferenceEquals(start.Child, child))
        {
            // The child failed to start: nothing is restarted; the step reports the failure once the
            // child is gone, so its name is free for a retry.
            start.Failure ??= failed.Cause;
            StopChild(child, ReasonFor(failed.Cause));
            if (!IsMyChild(child)) CompleteStartStep(start, null, start.Failure);
            return;
        }
        if (_extras?.CurrentStep is not null || _extras?.Steps is { Count: > 0 })
        {
            OnStepEvent(StepEvent.ChildFailed, failed.Child);
            (Extras.DeferredFailures ??= []).Add(failed);
            return;
        }
        Supervise(child, failed.Cause);
    }

    private void Supervise(ActorCell child, Exception cause)
    {
        var strategy = Strategy;
        Directive directive;
        try
        {
            directive = strategy.Decide(child, cause);
        }
        catch (Exception e)
        {
            Log.LogError(e, "The decider of {Supervisor} threw for {Child}; escalating.", _self.Path, strategy.Describe(child));
            directive = Directive.Escalate;
        }
        LogFailure(strategy, child, cause, directive);

        switch (directive)
        {
            case Directive.Resume:
                child.PostSystemMessage(new Resume());
                break;
            case Directive.Stop:
                StopAffected(strategy, child, ReasonFor(cause));
                break;
            case Directive.Restart:
                if ((Extras.RestartWindow ??= new RestartWindow()).TryRecord(strategy, _system.Settings.TimeProvider)) RestartAffected(strategy, child, cause);
                else GiveUp(strategy, child, cause);
                break;
            default:
                // The child stays suspended until this actor's own fate is decided.
                (Extras.EscalatedChildren ??= []).Add(child.Self);
                HandleInvokeFailure(cause);
                break;
        }
    }

    /// <summary>The exit reason of a child stopped for <paramref name="cause"/>.</summary>
    internal static ExitReason ReasonFor(Exception cause) => cause is ActorExitException exit ? exit.Reason : ExitReason.Failure(cause);

    private List<ActorCell> Affected(SupervisorStrategy strategy, ActorCell failed)
    {
        if (strategy.Scope == StrategyScope.OneForOne) return [failed];
        var all = ChildrenInStartOrder().FindAll(static c => !c.StoppingByParent);
        if (strategy.Scope == StrategyScope.AllForOne) return all;
        var index = all.IndexOf(failed);
        return index < 0 ? [failed] : all.GetRange(index, all.Count - index);
    }

    private void StopAffected(SupervisorStrategy strategy, ActorCell failed, ExitReason reason)
    {
        if (strategy.Scope == StrategyScope.OneForOne || !strategy.StopAffectsGroup)
        {
            StopChild(failed, reason);
            return;
        }
        var affected = Affected(strategy, failed);
        for (var i = affected.Count - 1; i >= 0; i--)
            EnqueueStep(new StopChildStep(affected[i], ReferenceEquals(affected[i], failed) ? reason : ExitReason.Shutdown));
        RunSteps();
    }

    private void RestartAffected(SupervisorStrategy strategy, ActorCell failed, Exception cause)
    {
        if (strategy.Scope == StrategyScope.OneForOne)
        {
            failed.PostSystemMessage(new Recreate(cause));
            return;
        }
        // OTP order: stop the affected instances one at a time in reverse start order, then start
        // them in start order. A sibling the strategy does not restart with the group (an OTP
        // temporary child) is stopped for good instead.
        var affected = Affected(strategy, failed);
        var restarted = affected.FindAll(c => ReferenceEquals(c, failed) || strategy.RestartsWithGroup(c));
        for (var i = affected.Count - 1; i >= 0; i--)
        {
            var child = affected[i];
            EnqueueStep(restarted.Contains(child) ? new GroupStopStep(child, cause) : new StopChildStep(child, ExitReason.Shutdown));
        }
        foreach (var child in restarted) EnqueueStep(new GroupStartStep(child, cause));
        var extras = Extras;
        extras.DeferredFailures?.RemoveAll(f => affected.Contains(f.Child.Cell));
        (extras.AwaitingGroupStart ??= []).UnionWith(restarted);
        RunSteps();
    }

    /// <summary>The restart limit was exceeded: stop every child in reverse start order, then fail with <see cref="MaxRestartIntensityReachedException"/>.</summary>
    private void GiveUp(SupervisorStrategy strategy, ActorCell failed, Exception cause)
    {
        var error = new MaxRestartIntensityReachedException(_self, failed.Self, strategy.MaxNrOfRetries, strategy.WithinTimeRange, cause);
        Log.LogError(cause, "Supervisor {Supervisor} reached its maximum restart intensity ({MaxRestarts} restarts within {Window}) on a failure of {Child} ({Reason}); stopping all children and giving up.",
            _self.Path, strategy.MaxNrOfRetries, strategy.WithinTimeRange, strategy.Describe(failed), ReasonFor(cause));
        EnqueueStopOfChildren(ReasonFor(cause), failed, closeContainer: false);
        EnqueueStep(new ActionStep(cell => cell.HandleInvokeFailure(error)));
        RunSteps();
    }

    private void LogFailure(SupervisorStrategy strategy, ActorCell child, Exception cause, Directive directive)
    {
        if (!strategy.LoggingEnabled) return;
        var reason = ReasonFor(cause);
        // Normal and shutdown exits are not failures (OTP reports neither).
        var level = reason.IsNormalOrShutdown ? LogLevel.Debug : directive == Directive.Resume ? LogLevel.Warning : LogLevel.Error;
        if (!Log.IsEnabled(level) || !_system.FailureLogLimiter.TryAcquire(out var suppressed)) return;
        Log.Log(level, reason.Exception, "Child {Child} of {Supervisor} exited with reason {Reason}. Directive: {Directive}.{Suppressed}",
            strategy.Describe(child), _self.Path, reason, directive,
            suppressed == 0 ? string.Empty : $" ({suppressed} earlier failure reports were suppressed by the rate limit.)");
    }

    private void HandleChildAck(ChildAck ack)
    {
        var child = ack.Child.Cell;
        if (!IsMyChild(child)) return;
        Strategy.OnChildAck(child, ack.Kind);
        switch (ack.Kind)
        {
            case ChildAckKind.Started:
                if (_extras?.CurrentStep is StartChildStep start && ReferenceEquals(start.Child, child)) CompleteStartStep(start, child, null);
                break;
            case ChildAckKind.GroupStopped:
                OnStepEvent(StepEvent.GroupStopped, ack.Child);
                break;
            case ChildAckKind.GroupStarted:
                OnStepEvent(StepEvent.GroupStarted, ack.Child);
                break;
        }
    }

    private void CompleteStartStep(StartChildStep step, ActorCell? child, Exception? failure)
    {
        _extras!.CurrentStep = null;
        try
        {
            step.Done(child, failure);
        }
        catch (Exception e)
        {
            Log.LogError(e, "A start-child callback threw.");
        }
        RunSteps();
    }

    private void EnqueueStep(SupervisionStep step)
    {
        (Extras.Steps ??= new Queue<SupervisionStep>()).Enqueue(step);
        _hold |= Hold.Supervising;
    }

    /// <summary>Queues a child start that completes when the child has fully started (used by the OTP Supervisor).</summary>
    internal void EnqueueStartChild(Props props, string? name, ChildOptions options, Action<ActorCell?, Exception?> done) =>
        EnqueueStep(new StartChildStep(props, name, options with { AcknowledgeStart = true }, done));

    /// <summary>Queues the stop of one child (by its shutdown policy) and a wait for its termination.</summary>
    internal void EnqueueStopChild(ActorCell child, ExitReason reason) => EnqueueStep(new StopChildStep(child, reason));

    /// <summary>Queues an action in order with the other supervision steps.</summary>
    internal void EnqueueAction(Action<ActorCell> action) => EnqueueStep(new ActionStep(action));

    /// <summary>Queues the stop of every child (per the strategy's order) and a wait for all.</summary>
    internal void EnqueueStopOfAllChildren() => EnqueueStopOfChildren(reasonForFailed: null, failed: null, closeContainer: false);

    /// <summary>Drops every queued supervision step (e.g. a failed start aborts the rest of an OTP init).</summary>
    internal void ClearQueuedSteps() => _extras?.Steps?.Clear();

    /// <summary>Fails this actor from kernel code outside a message (e.g. an OTP supervisor whose init failed).</summary>
    internal void Fail(Exception cause) => HandleInvokeFailure(cause);

    private void ClearSteps()
    {
        if (_extras is not { } extras) return;
        extras.Steps?.Clear();
        extras.CurrentStep = null;
        extras.DeferredFailures = null;
        extras.AwaitingGroupStart = null;
    }

    /// <summary>Starts queued steps until one has to wait. Re-entrant calls return at once; the outer loop goes on.</summary>
    internal void RunSteps()
    {
        if (_runningSteps) return;
        _runningSteps = true;
        try
        {
            var extras = Extras;
            while (extras.CurrentStep is null)
            {
                if (extras.Steps is null || !extras.Steps.TryDequeue(out var step))
                {
                    _hold &= ~Hold.Supervising;
                    break;
                }
                extras.CurrentStep = StartStep(step);
            }
        }
        finally
        {
            _runningSteps = false;
        }
        if ((_hold & Hold.Supervising) == 0)
        {
            TrySendPendingAck();
            ProcessDeferredFailures();
        }
    }

    /// <summary>Starts a step; returns the step that now waits (the step itself or its replacement), or null when it completed at once.</summary>
    private SupervisionStep? StartStep(SupervisionStep step)
    {
        switch (step)
        {
            case StopChildStep stop:
                if (!IsMyChild(stop.Child)) return null;
                StopChild(stop.Child, stop.Reason);
                return IsMyChild(stop.Child) ? step : null;
            case GroupStopStep groupStop:
                return StartGroupStop(groupStop);
            case GroupStartStep groupStart:
                _extras!.AwaitingGroupStart?.Remove(groupStart.Child);
                if (!IsMyChild(groupStart.Child))
                {
                    // Killed during the stop half (its shutdown spec): it comes back as a new incarnation, if the strategy can make one.
                    return Strategy.ReplacementFor(groupStart.Child) is { } replacement ? StartStep(replacement) : null;
                }
                if (groupStart.Child.StoppingByParent) return null;
                groupStart.Child.PostSystemMessage(new GroupRestartStart(groupStart.Cause));
                return step;
            case StartChildStep start:
                try
                {
                    start.Child = MakeChild(start.Props, start.Name, start.Options);
                    return step;
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    start.Done(null, e);
                    return null;
                }
            case AwaitStoppingChildrenStep:
                return (_children?.StoppingCount ?? 0) == 0 ? null : step;
            case FinishRestartStep finish:
                FinishRestart(finish.Cause, finish.Ack);
                return null;
            case ActionStep action:
                action.Action(this);
                return null;
            default:
                throw new InvalidOperationException($"Unknown supervision step {step.GetType().Name}.");
        }
    }

    /// <summary>
    /// The stop half of a group restart, by the child's shutdown spec: a brutal kill ends it at once
    /// (no PostStop), a timeout kills it if its instance has not stopped in time, infinity waits.
    /// </summary>
    private SupervisionStep? StartGroupStop(GroupStopStep step)
    {
        var child = step.Child;
        if (!IsMyChild(child) || child.StoppingByParent) return null;
        if (child.ShutdownPolicy.IsBrutalKill)
        {
            child.StoppingByParent = true;
            child.PostSystemMessage(new BrutalKill());
            ForgetChild(child, ExitReason.Killed);
            return null;
        }
        child.PostSystemMessage(new GroupRestartStop(step.Cause));
        ArmShutdownTimer(child, step);
        return step;
    }

    /// <summary>Lets the waiting step go on if <paramref name="child"/>'s event completes it; true if it did.</summary>
    private bool OnStepEvent(StepEvent kind, LocalActorRef child)
    {
        if (_extras?.CurrentStep is not { } current) return false;
        if (current is StartChildStep start)
        {
            // A child that terminates before it acknowledged its start failed to start.
            if (kind != StepEvent.ChildTerminated || !ReferenceEquals(start.Child, child.Cell)) return false;
            CompleteStartStep(start, null, start.Failure ?? new ActorInitializationException(child, $"{child.Path} terminated before it finished starting."));
            return true;
        }
        var completed = current switch
        {
            StopChildStep stop => kind == StepEvent.ChildTerminated && ReferenceEquals(stop.Child, child.Cell),
            GroupStopStep stop => kind is StepEvent.GroupStopped or StepEvent.ChildTerminated && ReferenceEquals(stop.Child, child.Cell),
            GroupStartStep restart => kind is StepEvent.GroupStarted or StepEvent.ChildFailed or StepEvent.ChildTerminated
                                      && ReferenceEquals(restart.Child, child.Cell),
            AwaitStoppingChildrenStep => (_children?.StoppingCount ?? 0) == 0,
            _ => false,
        };
        if (!completed) return false;
        _extras.CurrentStep = null;
        RunSteps();
        return true;
    }

    private void ProcessDeferredFailures()
    {
        if (_extras?.DeferredFailures is not { Count: > 0 } deferred || _lifecycle != LifecycleRunning) return;
        _extras.DeferredFailures = null;
        foreach (var failed in deferred) HandleFailed(failed);
    }
}

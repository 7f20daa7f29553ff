using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>
/// How the supervisor learns of its children's exits and what it does about them: OTP's restart type ×
/// exit reason, the restart window, the four strategies, auto_shutdown, and giving up.
/// </summary>
public sealed partial class Supervisor
{
    /// <summary>A child's exit, noted when it happened and handled when the supervisor is free.</summary>
    private sealed record Exit(ChildRecord Record, IActorRef Child, int Incarnation, ExitReason Reason, Exception? Cause);

    /// <summary>Called by <see cref="SupervisorHook"/> when a child failed (an exception, or <c>Kill</c>); Akka holds it suspended.</summary>
    internal void OnChildFailed(IActorRef child, Exception cause)
    {
        if (_phase == Phase.Dead || IsTerminating || !_byRef.TryGetValue(child, out var record))
        {
            Context.Stop(child);
            return;
        }
        switch (record.State)
        {
            case ChildState.Stopping:
                // It failed while being stopped: it was asked to stop, so that is what happens.
                Context.Stop(child);
                break;
            case ChildState.Starting when _current is StartStep start && start.Record == record:
                start.ChildFailed(this, cause);
                break;
            default:
                NoteFailure(record, child, cause);
                break;
        }
        RunSteps();
    }

    /// <summary>A running child failed: decide now if the supervisor is free, otherwise after what it is doing.</summary>
    private void NoteFailure(ChildRecord record, IActorRef child, Exception cause)
    {
        record.Suspended = true;
        record.Failure = cause;
        if (IsLeaving) return; // it is stopped in its turn
        if (ExitClassifier.IsStartFailure(cause) && record.State is ChildState.Running or ChildState.Restarting)
        {
            // Akka restarted it in place and the new instance failed to start: OTP's start_error, tried again later.
            RestartFailed(record, ExitReason.Failure(ExitClassifier.Unwrap(cause)));
            return;
        }
        Note(new Exit(record, child, record.Incarnation, ExitClassifier.Classify(cause), cause));
    }

    /// <summary>Called by <see cref="SupervisorHook"/> when a child has terminated.</summary>
    internal void OnChildTerminated(IActorRef child)
    {
        if (_phase == Phase.Dead || IsTerminating)
        {
            _phase = Phase.Dead;
            return;
        }
        if (!_byRef.Remove(child, out var record)) return;
        switch (record.State)
        {
            case ChildState.Stopping when _current is StopStep stop:
                record.Child = null;
                stop.Stopped(this, record);
                break;
            case ChildState.Starting when _current is StartStep start && start.Record == record:
                start.ChildTerminated(this, child);
                break;
            case var _ when IsLeaving:
                record.Child = null;
                record.Suspended = false;
                record.State = ChildState.Stopped;
                break;
            default:
                // It stopped itself: OTP's normal exit.
                record.Exited = true;
                Note(new Exit(record, child, record.Incarnation, ExitReason.Normal, Cause: null));
                break;
        }
        RunSteps();
    }

    /// <summary>Handles an exit now if the supervisor is free, otherwise after what it is doing and what arrived before.</summary>
    private void Note(Exit exit)
    {
        if (Busy || _pending.Count > 0) _pending.Enqueue(exit);
        else HandleExit(exit);
    }

    /// <summary>Akka is stopping this supervisor itself (<c>Context.Stop</c>, <c>PoisonPill</c>, system termination): its children go at once.</summary>
    private bool IsTerminating => Context is ActorCell { ChildrenContainer.IsTerminating: true };

    /// <summary>Stopping every child before going away: exits take no decision any more.</summary>
    private bool IsLeaving => _phase is Phase.ShuttingDown or Phase.GivingUp;

    /// <summary>An exit noted while the supervisor was busy is stale if that incarnation has been replaced or removed since.</summary>
    private bool IsCurrent(Exit exit) => exit.Record.List == _children && exit.Record.Incarnation == exit.Incarnation;

    /// <summary>OTP's <c>do_restart</c>: restart type × exit reason.</summary>
    private void HandleExit(Exit exit)
    {
        var record = exit.Record;
        var reason = exit.Reason;
        if (record.Exited)
        {
            // Now the supervisor knows it is gone.
            record.Exited = false;
            record.Child = null;
            record.Suspended = false;
            record.State = ChildState.Stopped;
        }
        var restart = record.Spec.Restart switch
        {
            Restart.Permanent => true,
            Restart.Transient => !reason.IsNormalOrShutdown,
            _ => false,
        };
        if (record.Spec.Restart == Restart.Permanent || !reason.IsNormalOrShutdown)
            if (MayReport(out var heldBack)) Report("child_terminated", heldBack, reason.Exception, $"child '{record.Spec.Id}' ({exit.Child.Path}) exited with reason {reason}; {(restart ? RestartDescription(record) : "not restarted")}");
        if (restart)
        {
            RestartAfterExit(record, reason);
            return;
        }
        // A failed child is still there, suspended; in OTP it is already gone, so it goes before anything else happens.
        if (record.Child is not null) EnqueueStop(record, Shutdown.BrutalKill);
        Enqueue(new ActionStep(() =>
        {
            ForgetChild(record);
            ConsiderAutoShutdown(record);
        }));
    }

    /// <summary>
    /// OTP's <c>restart/2</c>: count the restart, give up past the intensity, else restart as the strategy says. A
    /// <paramref name="retry"/> of a restart whose start failed is counted in the window but not again in the child's
    /// <see cref="ChildInfo.Restarts"/>.
    /// </summary>
    private void RestartAfterExit(ChildRecord record, ExitReason reason, bool retry = false)
    {
        if (!_window.TryAdd())
        {
            if (MayReport(out var heldBack)) Report("reached_max_restart_intensity", heldBack, reason.Exception,
                $"reached its maximum restart intensity ({_flags.Intensity} restarts within {_flags.Period}) after child '{record.Spec.Id}' exited with reason {reason}; stopping every child and exiting with reason shutdown");
            // In OTP the exited child is already gone: it goes first here too, then the others in reverse start order.
            if (record.Child is not null) EnqueueStop(record, Shutdown.BrutalKill);
            GiveUp(new MaxRestartIntensityReachedException(Self.Path, record.Spec.Id, _flags.Intensity, _flags.Period, reason));
            return;
        }
        if (!retry) record.Restarts++;
        if (_flags.Strategy is SupervisorStrategyKind.OneForAll or SupervisorStrategyKind.RestForOne) RestartGroup(record, retry);
        else RestartOne(record);
    }

    private void RestartOne(ChildRecord record)
    {
        if ((record.Spec.RestartMode ?? RestartMode.InPlace) == RestartMode.InPlace && record is { Child: { } child, Suspended: true, Exited: false, Failure: { } cause })
        {
            // Akka's own restart: same ref, mailbox kept; a failure of the new instance to start comes back as a PostRestartException.
            record.Suspended = false;
            record.Failure = null;
            record.State = ChildState.Running;
            record.Incarnation++;
            _hook.RestartInPlace(child, cause);
            return;
        }
        if (record.Child is not null) EnqueueStop(record, Shutdown.BrutalKill);
        // As OTP's start_link in a restart: the supervisor answers nothing else until the new incarnation has started.
        EnqueueStart(record, onStarted: null, onFailed: RestartFailed);
    }

    /// <summary>
    /// one_for_all and rest_for_one: the exited child goes first (in OTP it is already dead), then the rest of the group
    /// one at a time in reverse start order; temporary ones are removed; then fresh incarnations start in start order.
    /// </summary>
    private void RestartGroup(ChildRecord exited, bool retry)
    {
        var group = new List<ChildRecord>();
        for (var record = _flags.Strategy == SupervisorStrategyKind.OneForAll ? _children.First : exited; record is not null; record = record.Next)
            group.Add(record);
        if (exited.Child is not null) EnqueueStop(exited, Shutdown.BrutalKill);
        for (var i = group.Count - 1; i >= 0; i--)
        {
            if (group[i] != exited) EnqueueStop(group[i]);
        }
        var aborted = false;
        Enqueue(new ActionStep(() =>
        {
            foreach (var record in group.Where(r => r.Spec.Restart == Restart.Temporary)) Remove(record);
        }));
        foreach (var record in group.Where(r => r.Spec.Restart != Restart.Temporary))
        {
            if (record != exited && !retry) record.Restarts++; // restarted with the group: a restart of its own too
            EnqueueStart(record, onStarted: null, unless: () => aborted, onFailed: (failed, reason) =>
            {
                // The children after it stay stopped until the retry restarts the group from it, as OTP.
                aborted = true;
                RestartFailed(failed, reason);
            });
        }
    }

    /// <summary>A restart's start failed: OTP marks the child restarting and tries again after the requests already queued.</summary>
    private void RestartFailed(ChildRecord record, ExitReason reason)
    {
        if (MayReport(out var heldBack)) Report("start_error", heldBack, reason.Exception, $"child '{record.Spec.Id}' failed to start on restart: {reason}; trying again");
        record.State = ChildState.Restarting;
        Self.Tell(new TryAgainRestart(record, record.Incarnation, reason), Self);
    }

    private void TryAgain(TryAgainRestart tryAgain)
    {
        var record = tryAgain.Record;
        if (record.List != _children || record.Incarnation != tryAgain.Incarnation || record.State != ChildState.Restarting) return;
        RestartAfterExit(record, tryAgain.Reason, retry: true);
    }

    /// <summary>OTP's <c>del_child</c> after an exit that is not restarted: a temporary spec (and a dynamic child) goes; any other keeps its spec without a child.</summary>
    private void ForgetChild(ChildRecord record)
    {
        if (IsSimple || record.Spec.Restart == Restart.Temporary) Remove(record);
        else record.State = ChildState.Stopped;
    }

    /// <summary>OTP's <c>do_auto_shutdown</c>: a significant child exited on its own and is not restarted.</summary>
    private void ConsiderAutoShutdown(ChildRecord exited)
    {
        if (!exited.Spec.Significant || _flags.AutoShutdown == AutoShutdown.Never) return;
        if (_flags.AutoShutdown == AutoShutdown.AllSignificant && _children.Any(r => r.Spec.Significant && r.State != ChildState.Stopped)) return;
        if (MayReport(out var heldBack)) Report("auto_shutdown", heldBack, null, $"shuts down ({_flags.AutoShutdown}): significant child '{exited.Spec.Id}' exited", error: false);
        var exit = new ExitException(ExitReason.Shutdown, $"Supervisor {Self.Path} shut down automatically ({_flags.AutoShutdown}) after significant child '{exited.Spec.Id}' exited.");
        // An OTP parent hears the shutdown exit; a plain Akka parent (the /user guardian too) would restart a failure, so it just stops.
        GiveUp(_otp.TopLevel.IsSupervisor(Context.Parent) ? exit : null);
    }

    /// <summary>
    /// Stops every child in reverse start order, then fails with <paramref name="exit"/>, so the parent's strategy decides;
    /// without one it stops itself.
    /// </summary>
    private void GiveUp(Exception? exit)
    {
        _phase = Phase.GivingUp;
        EnqueueStopAll();
        Enqueue(new ActionStep(() =>
        {
            if (exit is null) Context.Stop(Self);
            else Self.Tell(new SupervisorExit(exit), Self);
        }));
    }

    private void BeginShutdown()
    {
        _phase = Phase.ShuttingDown;
        EnqueueStopAll();
        Enqueue(new ActionStep(() => Context.Stop(Self)));
    }

    private string RestartDescription(ChildRecord record) => _flags.Strategy switch
    {
        SupervisorStrategyKind.OneForAll => "restarting every child (one_for_all)",
        SupervisorStrategyKind.RestForOne => "restarting it and the children started after it (rest_for_one)",
        _ when (record.Spec.RestartMode ?? RestartMode.InPlace) == RestartMode.InPlace && record.Suspended => "restarting it in place",
        _ => "starting a new incarnation",
    };
}

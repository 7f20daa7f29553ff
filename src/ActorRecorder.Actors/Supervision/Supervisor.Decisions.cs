using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors.Supervision;

/// <summary>The supervisor's decisions on its children's exits (OTP's restart type × exit reason) and auto_shutdown.</summary>
public sealed partial class Supervisor
{
    internal Directive Decide(ActorCell child, Exception cause)
    {
        if (!_byCell.TryGetValue(child, out var record) || _shuttingDown) return Directive.Stop;
        var reason = ActorCell.ReasonFor(cause);
        var restart = record.Spec.Restart switch
        {
            Restart.Permanent => true,
            Restart.Transient => !reason.IsNormalOrShutdown,
            _ => false,
        };
        if (restart)
        {
            record.Restarting = true;
            return Directive.Restart;
        }
        record.ExitedOnItsOwn = true;
        return Directive.Stop;
    }

    internal bool RestartsWithGroup(ActorCell child)
    {
        if (!_byCell.TryGetValue(child, out var record) || record.Spec.Restart == Restart.Temporary) return false;
        record.Restarting = true;
        return true;
    }

    internal void OnChildAck(ActorCell child, ChildAckKind kind)
    {
        if (kind is ChildAckKind.Restarted or ChildAckKind.GroupStarted && _byCell.TryGetValue(child, out var record)) record.Restarting = false;
    }

    internal void OnChildTerminated(ActorCell child, ExitReason reason)
    {
        if (!_byCell.Remove(child, out var record)) return;
        record.Cell = null;
        // Killed (by its shutdown spec) in the stop half of a group restart: the start half makes a new one.
        if (record.Restarting && record.Spec.Restart != Restart.Temporary && !IsSimple)
        {
            _awaitingReplacement[child] = record;
            return;
        }
        record.Restarting = false;
        // Temporary specs go with their child; simple_one_for_one keeps no dead children.
        if (record.Spec.Restart == Restart.Temporary || IsSimple) _records.Remove(record);
        var onItsOwn = record.ExitedOnItsOwn;
        record.ExitedOnItsOwn = false;
        if (onItsOwn && record.Spec.Significant && !_shuttingDown) ConsiderAutoShutdown(record, reason);
    }

    private void ConsiderAutoShutdown(ChildRecord exited, ExitReason reason)
    {
        var shutDown = _flags.AutoShutdown switch
        {
            AutoShutdown.AnySignificant => true,
            AutoShutdown.AllSignificant => !_records.Exists(r => r.Spec.Significant && (r.IsAlive || r.Restarting)),
            _ => false,
        };
        if (!shutDown) return;
        _shuttingDown = true;
        Context.Log.LogInformation("Supervisor {Supervisor} shuts down ({Mode}): significant child '{Child}' exited with reason {Reason}.",
            Self.Path, _flags.AutoShutdown, exited.Spec.Id, reason);
        Cell.EnqueueStopOfAllChildren();
        Cell.EnqueueAction(cell => cell.Fail(new ActorExitException(ExitReason.Shutdown,
            $"Supervisor {Self.Path} shut down automatically: significant child '{exited.Spec.Id}' exited ({reason}).")));
        Cell.RunSteps();
    }

    internal SupervisionStep? ReplacementFor(ActorCell child)
    {
        if (!_awaitingReplacement.Remove(child, out var record)) return null;
        return new StartChildStep(record.Spec.PropsFor(record.Arguments), record.Spec.Id,
            new ChildOptions(record.Spec.Shutdown, ExitsToParent: true, AcknowledgeStart: true),
            (started, _) =>
            {
                record.Restarting = false;
                if (started is null) return; // it failed to start: it stays stopped, as after a failed restart_child
                record.Cell = started;
                _byCell[started] = record;
            });
    }

    internal string Describe(ActorCell child) =>
        _byCell.TryGetValue(child, out var record) ? $"'{record.Spec.Id}' ({child.Self.Path})" : child.Self.Path.ToString();
}

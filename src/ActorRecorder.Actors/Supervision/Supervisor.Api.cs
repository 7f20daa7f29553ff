namespace ActorRecorder.Actors.Supervision;

/// <summary>The supervisor API, answered in the supervisor's own turn (held while it restarts children, as an OTP supervisor is busy then).</summary>
public sealed partial class Supervisor
{
    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case SupervisorReady:
                Sender.Tell(SupervisorReady.Instance, Self);
                return true;
            case StartChild start:
                HandleStartChild(start, Sender);
                return true;
            case TerminateChild terminate:
                HandleTerminateChild(terminate, Sender);
                return true;
            case RestartChild restart:
                HandleRestartChild(restart, Sender);
                return true;
            case DeleteChild delete:
                Sender.Tell(DeleteSpec(delete.Id), Self);
                return true;
            case WhichChildren:
                Sender.Tell(_records.ConvertAll(r => r.Info), Self);
                return true;
            case CountChildren:
                Sender.Tell(Counts(), Self);
                return true;
            case GetChildSpec get:
                Sender.Tell((object?)FindSpec(get.Id) ?? new SupervisorResult.NotFound(), Self);
                return true;
            default:
                return false;
        }
    }

    private void HandleStartChild(StartChild start, IActorRef replyTo)
    {
        ChildRecord record;
        if (IsSimple)
        {
            if (start.Arguments is not { } arguments)
            {
                replyTo.Tell(Refused("a simple_one_for_one supervisor starts children from start arguments, not from a spec"), Self);
                return;
            }
            record = new ChildRecord(_initialSpecs[0], arguments);
        }
        else
        {
            if (start.Spec is not { } spec)
            {
                replyTo.Tell(Refused("only a simple_one_for_one supervisor starts children from start arguments; give a child spec"), Self);
                return;
            }
            try
            {
                SupervisorSpecValidation.ValidateSpec(_flags, spec, template: false);
            }
            catch (InvalidChildSpecException e)
            {
                replyTo.Tell(new SupervisorResult.StartFailed(ExitReason.Failure(e)), Self);
                return;
            }
            if (FindById(spec.Id) is { } existing)
            {
                replyTo.Tell(existing.Cell is { } cell ? new SupervisorResult.AlreadyStarted(cell.Self) : new SupervisorResult.AlreadyPresent(), Self);
                return;
            }
            record = new ChildRecord(spec, []);
        }

        // Dynamic children go last in start order, so they are the first to stop.
        _records.Add(record);
        Start(record,
            child => replyTo.Tell(new SupervisorResult.Started(child), Self),
            error =>
            {
                _records.Remove(record);
                replyTo.Tell(new SupervisorResult.StartFailed(StartFailureReason(error)), Self);
            });
        Cell.RunSteps();
    }

    private void HandleTerminateChild(TerminateChild terminate, IActorRef replyTo)
    {
        if (terminate.Id is { } id && IsSimple)
        {
            replyTo.Tell(new SupervisorResult.SimpleOneForOne(), Self);
            return;
        }
        var record = terminate.Id is { } byId ? FindById(byId) : FindByRef(terminate.Child!);
        if (record is null)
        {
            replyTo.Tell(new SupervisorResult.NotFound(), Self);
            return;
        }
        if (record.Cell is not { } child)
        {
            replyTo.Tell(new SupervisorResult.Ok(), Self);
            return;
        }
        Cell.EnqueueStopChild(child, ExitReason.Shutdown);
        Cell.EnqueueAction(_ => replyTo.Tell(new SupervisorResult.Ok(), Self));
        Cell.RunSteps();
    }

    private void HandleRestartChild(RestartChild restart, IActorRef replyTo)
    {
        if (IsSimple)
        {
            replyTo.Tell(new SupervisorResult.SimpleOneForOne(), Self);
            return;
        }
        switch (FindById(restart.Id))
        {
            case null:
                replyTo.Tell(new SupervisorResult.NotFound(), Self);
                return;
            case { IsAlive: true } running:
                replyTo.Tell(running.Restarting ? new SupervisorResult.Restarting() : new SupervisorResult.Running(), Self);
                return;
            case var stopped:
                Start(stopped,
                    child => replyTo.Tell(new SupervisorResult.Started(child), Self),
                    error => replyTo.Tell(new SupervisorResult.StartFailed(StartFailureReason(error)), Self));
                Cell.RunSteps();
                return;
        }
    }

    private SupervisorResult DeleteSpec(string id)
    {
        if (IsSimple) return new SupervisorResult.SimpleOneForOne();
        var record = FindById(id);
        if (record is null) return new SupervisorResult.NotFound();
        if (record.IsAlive) return record.Restarting ? new SupervisorResult.Restarting() : new SupervisorResult.Running();
        _records.Remove(record);
        return new SupervisorResult.Ok();
    }

    private ChildCounts Counts() => new(
        _records.Count,
        _records.Count(r => r.IsAlive),
        _records.Count(r => r.Spec.Type == ChildType.Supervisor),
        _records.Count(r => r.Spec.Type == ChildType.Worker));

    private ChildSpec? FindSpec(string id) =>
        IsSimple ? (_initialSpecs[0].Id == id ? _initialSpecs[0] : null) : FindById(id)?.Spec;

    private static SupervisorResult.StartFailed Refused(string why) => new(ExitReason.Failure(new ArgumentException(why)));
}

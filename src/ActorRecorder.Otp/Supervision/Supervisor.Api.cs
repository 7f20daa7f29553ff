using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>The supervisor API (OTP's <c>handle_call</c> clauses), answered when the supervisor is free.</summary>
public sealed partial class Supervisor
{
    private void HandleRequest(object request, IActorRef replyTo)
    {
        switch (request)
        {
            case GracefulShutdown:
                BeginShutdown();
                return;
            case TryAgainRestart tryAgain:
                TryAgain(tryAgain);
                return;
            case StartChild start:
                HandleStartChild(start, replyTo);
                return;
            case TerminateChild terminate:
                HandleTerminateChild(terminate, replyTo);
                return;
            case RestartChild restart:
                HandleRestartChild(restart, replyTo);
                return;
            case DeleteChild delete:
                replyTo.Tell(DeleteSpec(delete.Id), Self);
                return;
            case WhichChildren:
                replyTo.Tell(_children.Select(r => r.Info).ToList(), Self);
                return;
            case CountChildren:
                replyTo.Tell(Counts(), Self);
                return;
            case GetChildSpec get:
                replyTo.Tell((object?)FindSpec(get) ?? new SupervisorResult.NotFound(), Self);
                return;
        }
    }

    private void HandleStartChild(StartChild start, IActorRef replyTo)
    {
        ChildRecord record;
        if (IsSimple)
        {
            if (start.Arguments is not { } arguments)
            {
                replyTo.Tell(Refused("a simple_one_for_one supervisor starts children from start arguments, not from a child spec"), Self);
                return;
            }
            Props props;
            try
            {
                props = _specs[0].PropsFor(arguments);
            }
            catch (Exception e)
            {
                replyTo.Tell(new SupervisorResult.StartFailed(ExitReason.Failure(ExitClassifier.Unwrap(e))), Self);
                return;
            }
            record = new ChildRecord(_specs[0], props);
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
            if (_byId.TryGetValue(spec.Id, out var existing))
            {
                replyTo.Tell(existing.Child is { } running && existing.State == ChildState.Running
                    ? new SupervisorResult.AlreadyStarted(running)
                    : new SupervisorResult.AlreadyPresent(), Self);
                return;
            }
            record = new ChildRecord(spec, spec.Props!);
        }

        // A child added at run time goes last in start order, so it is the first to stop.
        Add(record);
        EnqueueStart(record,
            onStarted: child => replyTo.Tell(new SupervisorResult.Started(child), Self),
            onFailed: (failed, reason) =>
            {
                Remove(failed);
                replyTo.Tell(new SupervisorResult.StartFailed(reason), Self);
            });
    }

    private void HandleTerminateChild(TerminateChild terminate, IActorRef replyTo)
    {
        if (terminate.Id is not null && IsSimple)
        {
            replyTo.Tell(new SupervisorResult.SimpleOneForOne(), Self);
            return;
        }
        var record = terminate.Id is { } id ? _byId.GetValueOrDefault(id) : _byRef.GetValueOrDefault(terminate.Child!);
        if (record is null)
        {
            replyTo.Tell(new SupervisorResult.NotFound(), Self);
            return;
        }
        // A child the supervisor stops is not restarted and is not an exit on its own: OTP's terminate_child then del_child.
        EnqueueStop(record);
        Enqueue(new ActionStep(() =>
        {
            record.Suspended = false;
            ForgetChild(record);
            replyTo.Tell(new SupervisorResult.Ok(), Self);
        }));
    }

    private void HandleRestartChild(RestartChild restart, IActorRef replyTo)
    {
        if (IsSimple)
        {
            replyTo.Tell(new SupervisorResult.SimpleOneForOne(), Self);
            return;
        }
        switch (_byId.GetValueOrDefault(restart.Id))
        {
            case null:
                replyTo.Tell(new SupervisorResult.NotFound(), Self);
                return;
            case { State: ChildState.Restarting }:
                replyTo.Tell(new SupervisorResult.Restarting(), Self);
                return;
            case { Child: not null }:
                replyTo.Tell(new SupervisorResult.Running(), Self);
                return;
            case var stopped:
                EnqueueStart(stopped,
                    onStarted: child => replyTo.Tell(new SupervisorResult.Started(child), Self),
                    onFailed: (_, reason) => replyTo.Tell(new SupervisorResult.StartFailed(reason), Self));
                return;
        }
    }

    private SupervisorResult DeleteSpec(string id)
    {
        if (IsSimple) return new SupervisorResult.SimpleOneForOne();
        return _byId.GetValueOrDefault(id) switch
        {
            null => new SupervisorResult.NotFound(),
            { State: ChildState.Restarting } => new SupervisorResult.Restarting(),
            { Child: not null } => new SupervisorResult.Running(),
            var stopped => Deleted(stopped),
        };
    }

    private SupervisorResult.Ok Deleted(ChildRecord record)
    {
        Remove(record);
        return new SupervisorResult.Ok();
    }

    private ChildCounts Counts()
    {
        int active = 0, supervisors = 0, workers = 0;
        foreach (var record in _children)
        {
            if (record.State == ChildState.Running && !record.Exited) active++;
            if (record.Spec.Type == ChildType.Supervisor) supervisors++;
            else workers++;
        }
        // OTP counts the template as the only spec of a simple_one_for_one supervisor.
        return new ChildCounts(IsSimple ? 1 : _children.Count, active, supervisors, workers);
    }

    private ChildSpec? FindSpec(GetChildSpec get)
    {
        if (get.Child is { } child) return _byRef.GetValueOrDefault(child)?.Spec;
        return IsSimple ? (_specs[0].Id == get.Id ? _specs[0] : null) : _byId.GetValueOrDefault(get.Id!)?.Spec;
    }

    private static SupervisorResult.StartFailed Refused(string why) => new(ExitReason.Failure(new ArgumentException(why)));
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>Processing of user messages: the behaviour, the messages the kernel handles itself, and failures.</summary>
internal sealed partial class ActorCell
{
    private void Invoke(Envelope envelope)
    {
        var message = envelope.Message;
        _currentMessage = message;
        _currentSender = envelope.Sender;
        try
        {
            if (message is IAutoReceivedMessage) AutoReceive(message);
            else ReceiveMessage(message);

            if (_extras?.ReceiveTimeout is not null && message is not INotInfluenceReceiveTimeout)
                _extras.LastActivity = Stopwatch.GetTimestamp();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
        }
    }

    private void ReceiveMessage(object message)
    {
        var actor = _actor!;
        var handled = _extras?.Behaviors is { Count: > 0 } behaviors ? behaviors[^1](message) : actor.InvokeReceive(message);
        if (!handled) actor.InvokeUnhandled(message);
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case PoisonPill:
                ExitSelf(ExitReason.Normal);
                break;
            case Kill:
                throw new ActorKilledException($"{_self.Path} received Kill.");
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, _self), _self);
                break;
            case WatchedActorTerminated terminated:
                // Delivered only if nobody unwatched the actor after the notification was queued.
                if (_extras?.TerminatedQueued?.Remove(terminated.Actor) == true)
                    Deliver(terminated.CustomMessage ?? new Terminated(terminated.Actor, terminated.Reason));
                break;
            case TrappedExit trapped:
                Deliver(trapped.Exit);
                break;
            case TimerFired fired:
                if (fired.Owner.IsCurrent(fired)) Deliver(fired.Message);
                break;
            case ReceiveTimeoutTick tick:
                OnReceiveTimeoutTick(tick);
                break;
            default:
                ReceiveMessage(message);
                break;
        }
    }

    /// <summary>
    /// The behaviour threw: hold user messages, remember the message (it is dropped), and ask the
    /// parent what to do. A failure while terminating is only logged.
    /// </summary>
    private void HandleInvokeFailure(Exception exception)
    {
        if (_lifecycle != LifecycleRunning)
        {
            Log.LogError(exception, "Failure while terminating; it is ignored.");
            return;
        }

        // Already failed and waiting for the parent: one failure is reported once (an escalation
        // arriving meanwhile is settled by the same decision).
        if ((_hold & Hold.Failed) != 0) return;
        _hold |= Hold.Failed;
        Extras.FailedMessage = _currentMessage;
        Extras.FailureCause = exception;
        if (_parent is null)
        {
            Log.LogError(exception, "The root guardian failed; terminating the actor system.");
            BeginTermination(ExitReason.Failure(exception));
            return;
        }
        _parent.PostSystemMessage(new Failed(_self, exception));
    }

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && (t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan))
            throw new ArgumentOutOfRangeException(nameof(timeout), t, "A receive timeout must be positive; pass null to turn it off.");
        var extras = Extras;
        CancelReceiveTimeout();
        extras.ReceiveTimeout = timeout;
        if (timeout is null) return;
        extras.LastActivity = Stopwatch.GetTimestamp();
        ScheduleReceiveTimeoutTick(timeout.Value);
    }

    private void ScheduleReceiveTimeoutTick(TimeSpan after)
    {
        var extras = Extras;
        extras.ReceiveTimeoutTimer = _system.Scheduler.ScheduleTellOnce(after, _self, new ReceiveTimeoutTick(extras.ReceiveTimeoutGeneration), null);
    }

    private void CancelReceiveTimeout()
    {
        if (_extras is not { } extras) return;
        extras.ReceiveTimeoutTimer?.Cancel();
        extras.ReceiveTimeoutTimer = null;
        extras.ReceiveTimeoutGeneration++;
    }

    private void OnReceiveTimeoutTick(ReceiveTimeoutTick tick)
    {
        if (_extras is not { ReceiveTimeout: { } timeout } extras || tick.Generation != extras.ReceiveTimeoutGeneration) return;
        var idle = Stopwatch.GetElapsedTime(extras.LastActivity);
        if (idle < timeout)
        {
            ScheduleReceiveTimeoutTick(timeout - idle);
            return;
        }
        extras.LastActivity = Stopwatch.GetTimestamp();
        ScheduleReceiveTimeoutTick(timeout);
        Deliver(Actors.ReceiveTimeout.Instance);
    }

    /// <summary>
    /// Delivers the user message a kernel wrapper stood for. It becomes the current message, so that
    /// Stash() keeps the message itself (an unstashed wrapper would be checked, and dropped, again).
    /// </summary>
    private void Deliver(object message)
    {
        _currentMessage = message;
        ReceiveMessage(message);
    }
}

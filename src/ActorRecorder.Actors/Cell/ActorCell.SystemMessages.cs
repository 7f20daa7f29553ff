using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>Dispatch of kernel signals.</summary>
internal sealed partial class ActorCell
{
    private void ProcessSystemMessageSafely(SystemMessage message)
    {
        try
        {
            ProcessSystemMessage(message);
        }
        catch (Exception e)
        {
            // A signal handler must never take the turn down; a throwing user hook (PreStart,
            // PostRestart) is turned into a failure by the handlers themselves.
            Log.LogError(e, "Unexpected error while processing signal {Signal}.", message.GetType().Name);
        }
    }

    private void ProcessSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Create:
                HandleCreate();
                break;
            case Terminate terminate:
                if (terminate.FromParent) BeginTermination(terminate.Reason);
                else ExitSelf(terminate.Reason);
                break;
            case BrutalKill:
                HandleBrutalKill();
                break;
            case Failed failed:
                HandleFailed(failed);
                break;
            case Recreate recreate:
                HandleRecreate(recreate.Cause);
                break;
            case Resume:
                HandleResume();
                break;
            case GroupRestartStop stop:
                HandleGroupRestartStop(stop.Cause);
                break;
            case GroupRestartStart start:
                HandleGroupRestartStart(start.Cause);
                break;
            case ChildAck ack:
                HandleChildAck(ack);
                break;
            case Watch watch:
                HandleWatch(watch);
                break;
            case Unwatch unwatch:
                HandleUnwatch(unwatch);
                break;
            case DeathWatchNotification notification:
                HandleDeathWatchNotification(notification);
                break;
            case LinkRequest link:
                HandleLinkRequest(link);
                break;
            case UnlinkRequest unlink:
                _extras?.Links?.Remove(unlink.From);
                break;
            case ExitSignal exit:
                HandleExitSignal(exit);
                break;
            case ChildShutdownTimedOut timedOut:
                OnChildShutdownTimedOut(timedOut);
                break;
            case RunContinuation continuation:
                HandleContinuation(continuation);
                break;
            case AsyncHandlerCompleted completed:
                HandleAsyncHandlerCompleted(completed);
                break;
            default:
                throw new InvalidOperationException($"Unknown signal {message.GetType().Name}.");
        }
    }
}

using System.Runtime.ExceptionServices;
using ActorRecorder.Otp;
using Akka.Actor;

namespace ActorRecorder.Recording;

/// <summary>
/// Where recorders live: the <c>recorders</c> child of the product's root supervisor
/// (<see cref="RootSupervisor"/>), an OTP simple_one_for_one supervisor with transient children.
/// A crashed recorder is restarted in place (its new incarnation appends to the file, its mailbox kept);
/// more restarts than the supervisor's intensity (<c>actor-recorder.supervision.recorders</c>) make it
/// stop all its recorders — each writes what it holds — and the root starts a fresh <c>recorders</c>.
/// </summary>
internal static class RecorderHost
{
    /// <summary>
    /// Starts a recorder as <c>supervisor:start_child</c> does: returns once the recorder has opened its
    /// file, or throws why it could not, with the failed child already gone. If the start takes longer
    /// than <paramref name="timeout"/> (a file whose open hangs), it throws <see cref="TimeoutException"/>
    /// and the recorder, should it start later, is stopped at once.
    /// </summary>
    public static async Task<IActorRef> StartChildAsync(ActorSystem system, Props props, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var recorders = await RootSupervisor.Get(system).RecordersAsync(cancellationToken).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        var starting = recorders.StartChildAsync([props], Timeout.InfiniteTimeSpan, CancellationToken.None);
        SupervisorResult result;
        try
        {
            result = await starting.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // The supervisor is still starting it; nobody will own a recorder that arrives late.
            _ = starting.ContinueWith(static (late, state) =>
            {
                if (late.IsCompletedSuccessfully && late.Result is SupervisorResult.Started started)
                    ((IActorRef)state!).TerminateChildAsync(started.Child);
            }, recorders, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
        if (result is SupervisorResult.Started started) return started.Child;
        if (result is SupervisorResult.StartFailed { Reason.Exception: { } cause }) ExceptionDispatchInfo.Capture(cause).Throw();
        throw new InvalidOperationException($"The recorders supervisor answered {result} to a start.");
    }
}

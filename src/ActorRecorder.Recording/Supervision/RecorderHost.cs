using ActorRecorder.Actors;
using ActorRecorder.Actors.Supervision;

namespace ActorRecorder.Recording;

/// <summary>
/// Where recorders live: the <c>recorders</c> child of the product's root supervisor
/// (<see cref="RootSupervisor"/>), an OTP simple_one_for_one supervisor with transient children.
/// A crashed recorder is restarted in place (its new incarnation appends to the file); more restarts
/// than the supervisor's intensity (<c>actor-recorder.supervision.recorders</c>) make it stop all its
/// recorders — each flushes in PostStop — and the root starts a fresh <c>recorders</c>.
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
        var root = await RootSupervisor.GetAsync(system).ConfigureAwait(false);
        var starting = root.StartRecorderAsync(props, CancellationToken.None);
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
            }, root.Recorders, TaskScheduler.Default);
            throw;
        }
        return result switch
        {
            SupervisorResult.Started started => started.Child,
            SupervisorResult.StartFailed { Reason.Exception: { } cause } => throw cause,
            _ => throw new InvalidOperationException($"The recorders supervisor answered {result} to a start."),
        };
    }

    /// <summary>The recorders alive under the supervisor.</summary>
    public static async Task<IReadOnlyList<IActorRef>> ChildrenAsync(ActorSystem system, TimeSpan timeout)
    {
        var root = await RootSupervisor.GetAsync(system).ConfigureAwait(false);
        var children = await root.Recorders.WhichChildrenAsync().WaitAsync(timeout).ConfigureAwait(false);
        return children.Where(c => c.Child is not null).Select(c => c.Child!).ToList();
    }

    /// <summary>The recorders' supervisor of <paramref name="system"/>.</summary>
    public static async Task<IActorRef> SupervisorAsync(ActorSystem system) => (await RootSupervisor.GetAsync(system).ConfigureAwait(false)).Recorders;
}

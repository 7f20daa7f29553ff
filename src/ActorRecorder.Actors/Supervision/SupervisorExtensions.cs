namespace ActorRecorder.Actors.Supervision;

/// <summary>The supervisor API as typed calls (OTP's <c>supervisor:start_child/2</c> and friends).
/// Like OTP's, they wait as long as the supervisor needs, and fail at once if it is dead.</summary>
public static class SupervisorExtensions
{
    /// <summary>Adds a spec and starts its child.</summary>
    public static Task<SupervisorResult> StartChildAsync(this IActorRef supervisor, ChildSpec spec, CancellationToken cancellationToken = default) =>
        Call<SupervisorResult>(supervisor, new StartChild(spec), cancellationToken);

    /// <summary>Starts a child of a simple_one_for_one supervisor's template with <paramref name="arguments"/>.</summary>
    public static Task<SupervisorResult> StartChildAsync(this IActorRef supervisor, IReadOnlyList<object?> arguments, CancellationToken cancellationToken = default) =>
        Call<SupervisorResult>(supervisor, new StartChild(arguments), cancellationToken);

    /// <summary>Terminates the child of spec <paramref name="id"/>; the spec stays unless it is temporary.</summary>
    public static Task<SupervisorResult> TerminateChildAsync(this IActorRef supervisor, string id, CancellationToken cancellationToken = default) =>
        Call<SupervisorResult>(supervisor, new TerminateChild(id), cancellationToken);

    /// <summary>Terminates <paramref name="child"/> (the way to address children of a simple_one_for_one supervisor).</summary>
    public static Task<SupervisorResult> TerminateChildAsync(this IActorRef supervisor, IActorRef child, CancellationToken cancellationToken = default) =>
        Call<SupervisorResult>(supervisor, new TerminateChild(child), cancellationToken);

    /// <summary>Starts again the child of a spec whose child is not running.</summary>
    public static Task<SupervisorResult> RestartChildAsync(this IActorRef supervisor, string id, CancellationToken cancellationToken = default) =>
        Call<SupervisorResult>(supervisor, new RestartChild(id), cancellationToken);

    /// <summary>Removes the spec of a child that is not running.</summary>
    public static Task<SupervisorResult> DeleteChildAsync(this IActorRef supervisor, string id, CancellationToken cancellationToken = default) =>
        Call<SupervisorResult>(supervisor, new DeleteChild(id), cancellationToken);

    /// <summary>Every child in start order.</summary>
    public static Task<IReadOnlyList<ChildInfo>> WhichChildrenAsync(this IActorRef supervisor, CancellationToken cancellationToken = default) =>
        Call<IReadOnlyList<ChildInfo>>(supervisor, WhichChildren.Instance, cancellationToken);

    /// <summary>The counts of specs, running children, supervisors and workers.</summary>
    public static Task<ChildCounts> CountChildrenAsync(this IActorRef supervisor, CancellationToken cancellationToken = default) =>
        Call<ChildCounts>(supervisor, CountChildren.Instance, cancellationToken);

    /// <summary>The spec with <paramref name="id"/>, or null.</summary>
    public static async Task<ChildSpec?> GetChildSpecAsync(this IActorRef supervisor, string id, CancellationToken cancellationToken = default) =>
        await Call<object>(supervisor, new GetChildSpec(id), cancellationToken).ConfigureAwait(false) as ChildSpec;

    private static Task<T> Call<T>(IActorRef supervisor, object request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        return supervisor.Ask<T>(request, Timeout.InfiniteTimeSpan, cancellationToken);
    }
}

using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>
/// The supervisor API as typed calls (<c>supervisor:start_child/2</c> and the rest), on <see cref="CallExtensions.Call{T}"/>:
/// each waits up to <c>timeout</c> (null for <c>actor-recorder.otp.call-timeout</c>) and fails at once with
/// <see cref="NoProcException"/> if the supervisor is dead. The same requests can be sent as messages with Ask.
/// </summary>
public static class SupervisorExtensions
{
    /// <summary>Adds <paramref name="spec"/> and starts its child: <c>Started</c>, <c>AlreadyStarted</c>, <c>AlreadyPresent</c> or <c>StartFailed</c>.</summary>
    public static Task<SupervisorResult> StartChildAsync(this IActorRef supervisor, ChildSpec spec, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        supervisor.Call<SupervisorResult>(new StartChild(spec), timeout, cancellationToken);

    /// <summary>Starts a child of a simple_one_for_one supervisor's template with <paramref name="arguments"/>: <c>Started</c> or <c>StartFailed</c>.</summary>
    public static Task<SupervisorResult> StartChildAsync(this IActorRef supervisor, IReadOnlyList<object?> arguments, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        supervisor.Call<SupervisorResult>(new StartChild(arguments), timeout, cancellationToken);

    /// <summary>Stops the child of spec <paramref name="id"/>; the spec stays unless it is temporary: <c>Ok</c>, <c>NotFound</c> or <c>SimpleOneForOne</c>.</summary>
    public static Task<SupervisorResult> TerminateChildAsync(this IActorRef supervisor, string id, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        supervisor.Call<SupervisorResult>(new TerminateChild(id), timeout, cancellationToken);

    /// <summary>Stops <paramref name="child"/> (the way to address children of a simple_one_for_one supervisor): <c>Ok</c> or <c>NotFound</c>.</summary>
    public static Task<SupervisorResult> TerminateChildAsync(this IActorRef supervisor, IActorRef child, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        supervisor.Call<SupervisorResult>(new TerminateChild(child), timeout, cancellationToken);

    /// <summary>Starts the child of a spec whose child is not running: <c>Started</c>, <c>StartFailed</c>, <c>Running</c>, <c>Restarting</c>, <c>NotFound</c> or <c>SimpleOneForOne</c>.</summary>
    public static Task<SupervisorResult> RestartChildAsync(this IActorRef supervisor, string id, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        supervisor.Call<SupervisorResult>(new RestartChild(id), timeout, cancellationToken);

    /// <summary>Removes the spec of a child that is not running: <c>Ok</c>, <c>Running</c>, <c>Restarting</c>, <c>NotFound</c> or <c>SimpleOneForOne</c>.</summary>
    public static Task<SupervisorResult> DeleteChildAsync(this IActorRef supervisor, string id, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        supervisor.Call<SupervisorResult>(new DeleteChild(id), timeout, cancellationToken);

    /// <summary>Every child, in start order.</summary>
    public static Task<IReadOnlyList<ChildInfo>> WhichChildrenAsync(this IActorRef supervisor, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        supervisor.Call<IReadOnlyList<ChildInfo>>(WhichChildren.Instance, timeout, cancellationToken);

    /// <summary>The counts of specs, running children, supervisors and workers.</summary>
    public static Task<ChildCounts> CountChildrenAsync(this IActorRef supervisor, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        supervisor.Call<ChildCounts>(CountChildren.Instance, timeout, cancellationToken);

    /// <summary>The spec with <paramref name="id"/>, or null (<c>{error, not_found}</c>).</summary>
    public static async Task<ChildSpec?> GetChildSpecAsync(this IActorRef supervisor, string id, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        await supervisor.Call<object>(new GetChildSpec(id), timeout, cancellationToken).ConfigureAwait(false) as ChildSpec;

    /// <summary>The spec of <paramref name="child"/> (under simple_one_for_one, the template), or null.</summary>
    public static async Task<ChildSpec?> GetChildSpecAsync(this IActorRef supervisor, IActorRef child, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        await supervisor.Call<object>(new GetChildSpec(child), timeout, cancellationToken).ConfigureAwait(false) as ChildSpec;
}

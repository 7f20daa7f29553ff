using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>Supervisor flags refused, with OTP's reason (<c>invalid_intensity</c>, <c>invalid_period</c>…).</summary>
public sealed class InvalidSupervisorFlagsException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">OTP's reason term.</param>
    /// <param name="detail">What was wrong, with the value.</param>
    public InvalidSupervisorFlagsException(string reason, string detail) : base($"Invalid supervisor flags ({reason}): {detail}.", "flags") =>
        Reason = reason;

    /// <summary>OTP's reason term.</summary>
    public string Reason { get; }
}

/// <summary>A child spec refused, with OTP's reason (<c>duplicate_child_name</c>, <c>bad_combination</c>, <c>bad_start_spec</c>…).</summary>
public sealed class InvalidChildSpecException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">OTP's reason term.</param>
    /// <param name="childId">The id of the refused spec, if it has one.</param>
    /// <param name="detail">What was wrong.</param>
    public InvalidChildSpecException(string reason, string? childId, string detail)
        : base($"Invalid child spec{(childId is null ? "" : $" '{childId}'")} ({reason}): {detail}.", "children")
    {
        Reason = reason;
        ChildId = childId;
    }

    /// <summary>OTP's reason term.</summary>
    public string Reason { get; }

    /// <summary>The id of the refused spec, if any.</summary>
    public string? ChildId { get; }
}

/// <summary>
/// A supervisor could not start because a child failed to start. The supervisor stopped the children it
/// had already started, in reverse order, and terminated (as <c>supervisor:start_link</c> returning
/// <c>{error, {shutdown, {failed_to_start_child, Id, Reason}}}</c>).
/// </summary>
public sealed class SupervisorStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="supervisor">The supervisor that did not start.</param>
    /// <param name="childId">The child whose start failed.</param>
    /// <param name="reason">Why it failed.</param>
    public SupervisorStartException(ActorPath supervisor, string childId, ExitReason reason)
        : base($"Supervisor {supervisor} failed to start child '{childId}': {reason}.", reason?.Exception)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Supervisor = supervisor;
        ChildId = childId;
        Reason = reason;
    }

    /// <summary>The supervisor that did not start.</summary>
    public ActorPath Supervisor { get; }

    /// <summary>The child whose start failed.</summary>
    public string ChildId { get; }

    /// <summary>Why it failed; <see cref="ExitReason.Exception"/> is the exception the child's constructor or PreStart threw.</summary>
    public ExitReason Reason { get; }
}

/// <summary>
/// A supervisor had more restarts than its intensity allows within its period. It stopped all its children
/// in reverse start order and fails with this exception, whose reason is <see cref="ExitReason.Shutdown"/>
/// (OTP's <c>reached_max_restart_intensity</c>). Its parent's strategy decides what happens next.
/// </summary>
public sealed class MaxRestartIntensityReachedException : ExitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="supervisor">The supervisor that gave up.</param>
    /// <param name="childId">The child whose exit went over the limit.</param>
    /// <param name="intensity">The supervisor's intensity.</param>
    /// <param name="period">The supervisor's period.</param>
    /// <param name="lastReason">The exit reason of that child.</param>
    public MaxRestartIntensityReachedException(ActorPath supervisor, string childId, int intensity, TimeSpan period, ExitReason lastReason)
        : base(ExitReason.Shutdown,
            $"Supervisor {supervisor} reached its maximum restart intensity ({intensity} restarts within {period}); child '{childId}' exited with {lastReason}.",
            lastReason?.Exception)
    {
        ArgumentNullException.ThrowIfNull(lastReason);
        Supervisor = supervisor;
        ChildId = childId;
        LastReason = lastReason;
    }

    /// <summary>The supervisor that gave up.</summary>
    public ActorPath Supervisor { get; }

    /// <summary>The child whose exit went over the limit.</summary>
    public string ChildId { get; }

    /// <summary>That child's exit reason.</summary>
    public ExitReason LastReason { get; }
}

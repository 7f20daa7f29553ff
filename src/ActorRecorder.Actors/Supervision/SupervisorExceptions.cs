namespace ActorRecorder.Actors.Supervision;

/// <summary>Supervisor flags refused, with OTP's reason (<c>invalid_intensity</c>, <c>invalid_period</c>, <c>bad_combination</c>…).</summary>
public sealed class InvalidSupervisorFlagsException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidSupervisorFlagsException(string reason, string detail) : base($"Invalid supervisor flags ({reason}): {detail}.", "flags") =>
        Reason = reason;

    /// <summary>OTP's reason term.</summary>
    public string Reason { get; }
}

/// <summary>A child spec refused, with OTP's reason (<c>duplicate_child_name</c>, <c>bad_combination</c>, <c>bad_start_spec</c>…).</summary>
public sealed class InvalidChildSpecException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
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
/// A supervisor could not start: a child failed to start (the supervisor stopped the children it had
/// already started, in reverse order, and terminated — as <c>supervisor:start_link</c> returning an error).
/// </summary>
public sealed class SupervisorStartException : ActorException
{
    /// <summary>Creates the exception.</summary>
    public SupervisorStartException(ActorPath supervisor, string? childId, ExitReason reason)
        : base(childId is null
            ? $"Supervisor {supervisor} failed to start: {reason}."
            : $"Supervisor {supervisor} failed to start child '{childId}': {reason}.", reason.Exception)
    {
        Supervisor = supervisor;
        ChildId = childId;
        Reason = reason;
    }

    /// <summary>The supervisor that did not start.</summary>
    public ActorPath Supervisor { get; }

    /// <summary>The child whose start failed, if known.</summary>
    public string? ChildId { get; }

    /// <summary>Why.</summary>
    public ExitReason Reason { get; }
}

namespace ActorRecorder.Http;

/// <summary>A listener with that name runs already (roadrunner's <c>{error, already_started}</c>).</summary>
public sealed class ListenerAlreadyStartedException(string listener)
    : Exception($"Listener '{listener}' is already started; stop it first, or choose another name.")
{
    /// <summary>The listener's name.</summary>
    public string Listener { get; } = listener;
}

/// <summary>A listener could not bind its address: the port is in use, not permitted, or the address is not this host's.</summary>
public sealed class ListenerBindException(string listener, string endpoint, string reason, Exception innerException)
    : Exception($"Listener '{listener}' cannot listen on {endpoint}: {reason}.", innerException)
{
    /// <summary>The listener's name.</summary>
    public string Listener { get; } = listener;

    /// <summary>The address and port it tried.</summary>
    public string Endpoint { get; } = endpoint;

    /// <summary>Why it could not: the port is in use, not permitted, ….</summary>
    public string Reason { get; } = reason;
}

/// <summary>A listener did not start for another reason; the cause is the inner exception.</summary>
public sealed class ListenerStartException(string listener, Exception innerException)
    : Exception($"Listener '{listener}' did not start: {innerException.Message}", innerException)
{
    /// <summary>The listener's name.</summary>
    public string Listener { get; } = listener;
}

/// <summary>No listener with that name runs (roadrunner's <c>{error, not_found}</c>).</summary>
/// <param name="listener">The listener's name.</param>
/// <param name="message">What was looked for where, when more than the name says it (such as the node of a cluster).</param>
public sealed class ListenerNotFoundException(string listener, string? message = null)
    : Exception(message ?? $"No listener named '{listener}' is running.")
{
    /// <summary>The listener's name.</summary>
    public string Listener { get; } = listener;
}

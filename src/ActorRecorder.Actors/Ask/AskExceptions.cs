namespace ActorRecorder.Actors;

/// <summary>An Ask got no reply within its timeout.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public AskTimeoutException(IActorRef target, Type messageType, TimeSpan timeout)
        : base($"Ask to {target.Path} with a message of type {messageType.Name} timed out after {timeout.TotalMilliseconds:0.###} ms without a reply.")
    {
        Target = target;
        Timeout = timeout;
    }

    /// <summary>The asked actor.</summary>
    public IActorRef Target { get; }

    /// <summary>The timeout that ran out.</summary>
    public TimeSpan Timeout { get; }
}

/// <summary>An Ask failed at once because its target was dead, or because it died before replying
/// (an Ask watches its target, as <c>gen_server:call</c> monitors the callee).</summary>
public sealed class AskTargetTerminatedException : ActorException
{
    /// <summary>Creates the exception.</summary>
    public AskTargetTerminatedException(IActorRef target, ExitReason reason, Type messageType)
        : base(ReferenceEquals(reason, ExitReason.NoProc)
            ? $"Ask to {target.Path} with a message of type {messageType.Name} failed: the target is not alive (noproc)."
            : $"Ask to {target.Path} with a message of type {messageType.Name} failed: the target terminated ({reason}) before replying.",
            reason.Exception)
    {
        Target = target;
        Reason = reason;
    }

    /// <summary>The asked actor.</summary>
    public IActorRef Target { get; }

    /// <summary>Why it terminated.</summary>
    public ExitReason Reason { get; }
}

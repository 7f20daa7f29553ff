using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>
/// A <c>Call</c> failed at once because its target was not alive, or died before replying — OTP's
/// <c>noproc</c> (and <c>gen_server:call</c> exiting when the callee dies). Akka's <c>Ask</c> would wait for its timeout.
/// </summary>
public sealed class NoProcException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="target">The called actor.</param>
    /// <param name="messageType">The type of the message it was called with.</param>
    /// <param name="existed">Whether the target was known to exist when the call watched it (then it died before replying).</param>
    public NoProcException(IActorRef target, Type messageType, bool existed)
        : base(existed
            ? $"Call to {target?.Path} with a message of type {messageType?.Name} failed: the target terminated before replying (noproc)."
            : $"Call to {target?.Path} with a message of type {messageType?.Name} failed: the target is not alive (noproc).")
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(messageType);
        Target = target;
        MessageType = messageType;
    }

    /// <summary>The called actor.</summary>
    public IActorRef Target { get; }

    /// <summary>The type of the message it was called with.</summary>
    public Type MessageType { get; }
}

/// <summary>A <c>Call</c> got no reply within its timeout (OTP's <c>timeout</c> exit of <c>gen_server:call</c>).</summary>
public sealed class CallTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="target">The called actor.</param>
    /// <param name="messageType">The type of the message it was called with.</param>
    /// <param name="timeout">The timeout that ran out.</param>
    public CallTimeoutException(IActorRef target, Type messageType, TimeSpan timeout)
        : base($"Call to {target?.Path} with a message of type {messageType?.Name} got no reply within {timeout.TotalMilliseconds:0.###} ms.")
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(messageType);
        Target = target;
        MessageType = messageType;
        Timeout = timeout;
    }

    /// <summary>The called actor.</summary>
    public IActorRef Target { get; }

    /// <summary>The type of the message it was called with.</summary>
    public Type MessageType { get; }

    /// <summary>The timeout that ran out.</summary>
    public TimeSpan Timeout { get; }
}

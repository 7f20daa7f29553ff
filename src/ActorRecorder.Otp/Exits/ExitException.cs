namespace ActorRecorder.Otp;

/// <summary>
/// Thrown by an actor to exit with a chosen <see cref="ExitReason"/>, as <c>exit(Reason)</c> in Erlang.
/// <c>throw new ExitException(ExitReason.Shutdown)</c> ends a child of a <see cref="Supervisor"/> with
/// reason <c>shutdown</c>: a transient child is not restarted and no error is reported. Under a plain
/// Akka parent it is an ordinary failure, which that parent's strategy decides on.
/// </summary>
public class ExitException : Exception
{
    /// <summary>Creates the exception for <paramref name="reason"/>.</summary>
    public ExitException(ExitReason reason)
        : this(reason, $"The actor exited with reason {reason}.")
    {
    }

    /// <summary>Creates the exception for <paramref name="reason"/> with a message and an optional cause.</summary>
    public ExitException(ExitReason reason, string message, Exception? innerException = null)
        : base(message, innerException ?? reason?.Exception)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Reason = reason;
    }

    /// <summary>The reason the actor exits with.</summary>
    public ExitReason Reason { get; }
}

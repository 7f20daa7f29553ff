namespace ActorRecorder.Actors;

/// <summary>Base of the kernel's exceptions.</summary>
public class ActorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}

/// <summary>
/// A failure that stands for an exit with a specific <see cref="ExitReason"/>: when the supervisor
/// decides to stop the actor for it, the actor terminates with that reason instead of a crash.
/// </summary>
public class ActorExitException : ActorException
{
    /// <summary>Creates the exception.</summary>
    public ActorExitException(ExitReason reason, string message, Exception? innerException = null) : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Reason = reason;
    }

    /// <summary>The exit reason this failure stands for.</summary>
    public ExitReason Reason { get; }
}

/// <summary>Raised inside an actor that received <see cref="Kill"/>; stands for <see cref="ExitReason.Killed"/>.</summary>
public sealed class ActorKilledException : ActorExitException
{
    /// <summary>Creates the exception.</summary>
    public ActorKilledException(string message) : base(ExitReason.Killed, message)
    {
    }
}

/// <summary>The constructor or <c>PreStart</c>/<c>PostRestart</c> of an actor threw; the default decider stops the actor.</summary>
public sealed class ActorInitializationException : ActorException
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(IActorRef? actor, string message, Exception? innerException = null)
        : base(message, innerException) => Actor = actor;

    /// <summary>The actor that failed to start.</summary>
    public IActorRef? Actor { get; }
}

/// <summary>An actor watched another and did not handle its <see cref="Terminated"/> message.</summary>
public sealed class DeathPactException : ActorException
{
    /// <summary>Creates the exception.</summary>
    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor {deadActor} terminated and its Terminated message was not handled.") => DeadActor = deadActor;

    /// <summary>The watched actor that terminated.</summary>
    public IActorRef DeadActor { get; }
}

/// <summary>
/// A supervisor had more restarts than its strategy allows within the window: it stopped all its
/// children (in reverse start order) and fails with this exception, which stands for
/// <see cref="ExitReason.Shutdown"/>. Its own parent handles it like any child failure.
/// </summary>
public sealed class MaxRestartIntensityReachedException : ActorExitException
{
    /// <summary>Creates the exception.</summary>
    public MaxRestartIntensityReachedException(IActorRef supervisor, IActorRef child, int maxRestarts, TimeSpan window, Exception lastCause)
        : base(ExitReason.Shutdown,
            $"Supervisor {supervisor.Path} reached its maximum restart intensity ({maxRestarts} restarts within {window}); last failure of {child.Path}: {lastCause.GetType().Name}: {lastCause.Message}",
            lastCause)
    {
        Supervisor = supervisor;
        Child = child;
    }

    /// <summary>The supervisor that gave up.</summary>
    public IActorRef Supervisor { get; }

    /// <summary>The child whose failure exceeded the limit.</summary>
    public IActorRef Child { get; }
}

/// <summary>An actor exited because a linked actor exited abnormally and it did not trap exits.</summary>
public sealed class LinkedActorExitedException : ActorExitException
{
    /// <summary>Creates the exception.</summary>
    public LinkedActorExitedException(IActorRef linked, ExitReason reason)
        : base(reason, $"Linked actor {linked.Path} exited with reason '{reason}'.", reason.Exception) => Linked = linked;

    /// <summary>The linked actor that exited.</summary>
    public IActorRef Linked { get; }
}

/// <summary>A bounded mailbox with <see cref="MailboxOverflow.FailSender"/> was full.</summary>
public sealed class MailboxOverflowException : ActorException
{
    /// <summary>Creates the exception.</summary>
    public MailboxOverflowException(IActorRef recipient, int capacity, object message)
        : base($"The mailbox of {recipient.Path} is full ({capacity} messages); a message of type {message.GetType().Name} was refused.")
    {
        Recipient = recipient;
        Capacity = capacity;
    }

    /// <summary>The actor whose mailbox was full.</summary>
    public IActorRef Recipient { get; }

    /// <summary>The capacity of that mailbox.</summary>
    public int Capacity { get; }
}

namespace ActorRecorder.Actors;

/// <summary>A message the kernel sends through an actor's own user queue, so it keeps its order with user messages.</summary>
internal abstract class InternalMessage : IAutoReceivedMessage;

/// <summary>A watched actor terminated; becomes <see cref="Terminated"/> (or the WatchWith message) unless unwatched meanwhile.</summary>
internal sealed class WatchedActorTerminated(InternalActorRef actor, ExitReason reason, object? customMessage) : InternalMessage
{
    public InternalActorRef Actor { get; } = actor;

    public ExitReason Reason { get; } = reason;

    public object? CustomMessage { get; } = customMessage;
}

/// <summary>An exit signal for an actor that traps exits; becomes <see cref="Exit"/>, kept in order with user messages.</summary>
internal sealed class TrappedExit(Exit exit) : InternalMessage
{
    public Exit Exit { get; } = exit;
}

/// <summary>A keyed timer fired; delivered only if the timer was not replaced or cancelled since.</summary>
internal sealed class TimerFired(TimerScheduler owner, object key, int generation, object message) : InternalMessage, INotInfluenceReceiveTimeout
{
    public TimerScheduler Owner { get; } = owner;

    public object Key { get; } = key;

    public int Generation { get; } = generation;

    public object Message { get; } = message;
}

/// <summary>Checks whether the receive timeout has elapsed.</summary>
internal sealed class ReceiveTimeoutTick(int generation) : InternalMessage, INotInfluenceReceiveTimeout
{
    public int Generation { get; } = generation;
}

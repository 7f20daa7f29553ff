namespace ActorRecorder.Actors;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; go on with the next message.</summary>
    Resume,

    /// <summary>Replace the instance (same <see cref="IActorRef"/>, queued messages kept, the failed one dropped).</summary>
    Restart,

    /// <summary>Stop the child; it terminates with the failure as its exit reason.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception.</summary>
    Escalate,
}

namespace ActorRecorder.Actors;

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>The sender to pass when there is none; a reply to it becomes a dead letter.</summary>
    public static readonly IActorRef? NoSender;

    /// <summary>A reference to no actor: messages sent to it become dead letters.</summary>
    public static IActorRef Nobody => NobodyRef.Instance;
}

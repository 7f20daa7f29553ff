namespace ActorRecorder.Actors;

/// <summary>Delivered to every watcher when the watched actor terminates (OTP's <c>'DOWN'</c>).</summary>
/// <param name="ActorRef">The actor that terminated.</param>
/// <param name="Reason">Why it terminated; <see cref="ExitReason.NoProc"/> if it was already dead when watched.</param>
public sealed record Terminated(IActorRef ActorRef, ExitReason Reason) : IAutoReceivedMessage
{
    /// <summary>False when the actor was already dead when it was watched.</summary>
    public bool ExistenceConfirmed => !ReferenceEquals(Reason, ExitReason.NoProc);
}

namespace ActorRecorder.Actors;

/// <summary>
/// An immutable, location-transparent handle to an actor. Refs are equal when their paths and
/// incarnation uids are equal: a ref to an actor that stopped never equals the ref of a new
/// actor created later under the same name.
/// </summary>
public interface IActorRef : IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The path of the actor, including its incarnation uid.</summary>
    ActorPath Path { get; }

    /// <summary>Sends a message; never blocks and never fails for a dead target (it becomes a dead letter).</summary>
    /// <param name="message">The message; must not be null.</param>
    /// <param name="sender">The sender the receiver sees, or <c>null</c> (<see cref="ActorRefs.NoSender"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    void Tell(object message, IActorRef? sender);
}

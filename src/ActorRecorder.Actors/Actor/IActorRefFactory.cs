namespace ActorRecorder.Actors;

/// <summary>Something that creates actors: the system (top-level actors) or an actor's context (children).</summary>
public interface IActorRefFactory
{
    /// <summary>Creates and starts an actor. The call returns at once; the constructor and
    /// <c>PreStart</c> run in the actor, before it processes any message.</summary>
    /// <param name="props">The recipe.</param>
    /// <param name="name">A unique name among its siblings, or null for a generated one.</param>
    /// <exception cref="InvalidActorNameException">The name is invalid or already taken.</exception>
    IActorRef ActorOf(Props props, string? name = null);
}

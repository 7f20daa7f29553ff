namespace ActorRecorder.Actors;

/// <summary>Every actor answers with <see cref="ActorIdentity"/>; dead letters answer with no subject.</summary>
/// <param name="MessageId">Echoed in the answer.</param>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage;

/// <summary>The answer to <see cref="Identify"/>.</summary>
/// <param name="MessageId">The id of the <see cref="Identify"/>.</param>
/// <param name="Subject">The actor, or null when it does not exist.</param>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);

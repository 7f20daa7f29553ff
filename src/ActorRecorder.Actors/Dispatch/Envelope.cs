namespace ActorRecorder.Actors;

/// <summary>A user message with its sender, as it travels through a mailbox.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">The sender, or null.</param>
public readonly record struct Envelope(object Message, IActorRef? Sender);

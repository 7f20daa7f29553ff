namespace ActorRecorder.Actors;

/// <summary>A message that could not be delivered because its recipient was dead or did not exist.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender, if any.</param>
/// <param name="Recipient">The intended recipient.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>A message dropped by a bounded mailbox (or another overflow policy).</summary>
/// <param name="Message">The dropped message.</param>
/// <param name="Reason">Why it was dropped.</param>
/// <param name="Sender">Its sender, if any.</param>
/// <param name="Recipient">The intended recipient.</param>
public sealed record Dropped(object Message, string Reason, IActorRef? Sender, IActorRef Recipient);

/// <summary>A message the recipient's behaviour did not handle.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender, if any.</param>
/// <param name="Recipient">The actor that did not handle it.</param>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);

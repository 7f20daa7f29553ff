namespace ActorRecorder.Actors;

/// <summary>
/// An exit signal from a linked actor, delivered as a message because the receiver set
/// <see cref="IActorContext.TrapExit"/> (OTP's <c>{'EXIT', From, Reason}</c>).
/// </summary>
/// <param name="From">The linked actor that exited.</param>
/// <param name="Reason">Its exit reason.</param>
public sealed record Exit(IActorRef From, ExitReason Reason);

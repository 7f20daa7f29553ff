namespace ActorRecorder.Otp;

/// <summary>
/// How a failed child comes back. OTP always starts a new process; Akka restarts an actor in place.
/// A <see cref="ChildSpec"/> without a mode takes its strategy's default: one_for_one and
/// simple_one_for_one restart in place, one_for_all and rest_for_one recreate the whole group.
/// </summary>
public enum RestartMode
{
    /// <summary>
    /// Akka's restart: the same <c>IActorRef</c>, the mailbox kept, a new instance of the actor class.
    /// Used when the child failed (an exception or <c>Kill</c>); a child that stopped itself can only be recreated.
    /// Group restarts (one_for_all, rest_for_one) always recreate.
    /// </summary>
    InPlace,

    /// <summary>OTP's restart: the child is stopped and a fresh incarnation is started, with a new <c>IActorRef</c> and an empty mailbox.</summary>
    Recreate,
}

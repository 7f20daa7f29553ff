using Akka.Actor;
using Akka.Actor.Internal;
using Akka.Util;

namespace ActorRecorder.Otp;

/// <summary>
/// How failures and terminations of children reach their <see cref="Supervisor"/>: a thin synchronous
/// hook that Akka calls inside the supervisor's cell, between its messages. It decides nothing; the
/// supervisor owns every OTP decision and state.
/// </summary>
internal sealed class SupervisorHook(Supervisor owner) : SupervisorStrategy
{
    private static readonly IDecider NeverEscalate = new LocalOnlyDecider(static _ => Directive.Restart);

    /// <inheritdoc />
    public override IDecider Decider => NeverEscalate;

    /// <inheritdoc />
    protected override Directive Handle(IActorRef child, Exception exception) => Directive.Restart;

    /// <inheritdoc />
    public override void ProcessFailure(IActorContext context, bool restart, IActorRef child, Exception cause, ChildRestartStats stats,
        IReadOnlyCollection<ChildRestartStats> children) => owner.OnChildFailed(child, cause);

    /// <inheritdoc />
    public override void HandleChildTerminated(IActorContext actorContext, IActorRef child, IEnumerable<IInternalActorRef> children) =>
        owner.OnChildTerminated(child);

    /// <summary>Akka's own restart of a failed child: the same ref, the mailbox kept.</summary>
    public void RestartInPlace(IActorRef child, Exception cause) => RestartChild(child, cause, suspendFirst: false);

    /// <summary>The supervisor reports failures itself, with the child's id and OTP's reason, rate-limited.</summary>
    protected override void LogFailure(IActorContext context, IActorRef child, Exception cause, Directive directive)
    {
    }

    /// <inheritdoc />
    public override ISurrogate ToSurrogate(ActorSystem system) =>
        throw new NotSupportedException("The OTP supervisor's strategy belongs to its actor and cannot be serialized.");
}

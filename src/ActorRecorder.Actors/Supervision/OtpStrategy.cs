namespace ActorRecorder.Actors.Supervision;

/// <summary>
/// The kernel strategy of a <see cref="Supervisor"/>: OTP's intensity and period, the flags' strategy
/// for group restarts, and decisions by restart type × exit reason, made by the supervisor that knows
/// the child specs. Called on the supervisor's own turn.
/// </summary>
internal sealed class OtpStrategy(Supervisor owner, SupervisorFlags flags)
    : SupervisorStrategy(flags.Intensity, flags.Period, static _ => Directive.Restart, loggingEnabled: true)
{
    internal override StrategyScope Scope => flags.Strategy switch
    {
        SupervisorStrategyKind.OneForAll => StrategyScope.AllForOne,
        SupervisorStrategyKind.RestForOne => StrategyScope.RestForOne,
        _ => StrategyScope.OneForOne,
    };

    internal override bool StopAffectsGroup => false;

    internal override bool StopsChildrenConcurrently => flags.Strategy == SupervisorStrategyKind.SimpleOneForOne;

    internal override Directive Decide(ActorCell child, Exception cause) => owner.Decide(child, cause);

    internal override bool RestartsWithGroup(ActorCell child) => owner.RestartsWithGroup(child);

    internal override void OnChildTerminated(ActorCell child, ExitReason reason) => owner.OnChildTerminated(child, reason);

    internal override void OnChildAck(ActorCell child, ChildAckKind kind) => owner.OnChildAck(child, kind);

    internal override string Describe(ActorCell child) => owner.Describe(child);

    internal override SupervisionStep? ReplacementFor(ActorCell child) => owner.ReplacementFor(child);
}

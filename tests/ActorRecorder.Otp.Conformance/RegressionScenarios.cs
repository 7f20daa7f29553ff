using ActorRecorder.Otp.Conformance.Scenarios;
using Xunit;

namespace ActorRecorder.Otp.Conformance;

/// <summary>
/// Scenarios on which our supervisor, or the comparison, once differed from OTP, shrunk and pasted as printed,
/// each with what was wrong. They run on both sides in every test run.
/// </summary>
public static class RegressionScenarios
{
    /// <summary>The regression set, by name.</summary>
    public static TheoryData<string> Names => new(All.Keys);

    /// <summary>Every regression scenario.</summary>
    public static IReadOnlyDictionary<string, Scenario> All { get; } = new Dictionary<string, Scenario>(StringComparer.Ordinal)
    {
        // Bug: a permanent child that stopped itself was started again without waiting for its PreStart, so the supervisor
        // answered (and shut down) before the new incarnation's init; OTP's restart waits for init. Seen under a nested
        // supervisor (seed 2, 3 512th scenario) and at the top (c5 below, seed 2).
        ["nested: a restart waits for init"] = new Scenario(SupervisorStrategyKind.OneForOne, 1, AutoShutdown.Never,
            [new ChildDef("c1", Restart.Permanent, ChildDef.Infinity, Nested: new NestedDef(SupervisorStrategyKind.OneForOne, 1,
                [new ChildDef("c1.w1", Restart.Permanent, 5000), new ChildDef("c1.w2", Restart.Permanent, 5000)]))],
            [],
            [new ChildExitStep(ChildExitKind.ExitNormal, "c1.w1")]),
        ["top: a restart waits for init"] = new Scenario(SupervisorStrategyKind.OneForOne, 1, AutoShutdown.Never,
            [new ChildDef("c1", Restart.Permanent, ChildDef.BrutalKill), new ChildDef("c2", Restart.Transient, ChildDef.Infinity),
             new ChildDef("c5", Restart.Permanent, 5000)],
            [],
            [new ChildExitStep(ChildExitKind.ExitNormal, "c5"), new ChildExitStep(ChildExitKind.ExitNormal, "c1")]),
        ["simple: a restart waits for init"] = new Scenario(SupervisorStrategyKind.SimpleOneForOne, 2,
            AutoShutdown.Never,
            [new ChildDef("tmpl", Restart.Permanent, 1000)],
            [],
            [new StartSimpleChildStep("s1"), new StartSimpleChildStep("s2"), new ChildExitStep(ChildExitKind.ExitNormal, "s2"),
             new StartSimpleChildStep("s3"), new WhichChildrenStep()]),

        // Comparison: auto_shutdown under a parent that is not a Supervisor stops ours without a failure (DEVIATIONS.md);
        // the driver first read that as an unexplained stop.
        ["auto_shutdown under a plain parent"] = new Scenario(SupervisorStrategyKind.OneForOne, 0, AutoShutdown.AllSignificant,
            [new ChildDef("c1", Restart.Temporary, ChildDef.Infinity, Significant: true)],
            [],
            [new ChildExitStep(ChildExitKind.Crash, "c1")]),

        // Comparison: OTP lists children newest first (DEVIATIONS.md); a list with restarted, deleted and re-added children.
        ["which_children after delete and re-add"] = new Scenario(SupervisorStrategyKind.RestForOne, 3, AutoShutdown.Never,
            [new ChildDef("c1", Restart.Transient, 5000), new ChildDef("c2", Restart.Temporary, ChildDef.BrutalKill),
             new ChildDef("c3", Restart.Permanent, ChildDef.Infinity)],
            [new ChildDef("x1", Restart.Permanent, 1000)],
            [new TerminateChildStep("c1"), new DeleteChildStep("c1"), new StartChildStep(new ChildDef("x1", Restart.Permanent, 1000)),
             new StartChildStep(new ChildDef("c1", Restart.Transient, 5000)), new ChildExitStep(ChildExitKind.Crash, "c3"), new WhichChildrenStep(),
             new CountChildrenStep()]),

        // Comparison: an empty which_children printed with a trailing space on one side.
        ["which_children of nothing"] = new Scenario(SupervisorStrategyKind.OneForAll, 1, AutoShutdown.Never,
            [new ChildDef("c1", Restart.Temporary, ChildDef.BrutalKill)],
            [],
            [new ChildExitStep(ChildExitKind.Kill, "c1"), new WhichChildrenStep()]),
    };
}

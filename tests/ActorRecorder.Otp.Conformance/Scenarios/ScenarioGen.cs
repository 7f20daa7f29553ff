using FsCheck;
using FsCheck.Fluent;

namespace ActorRecorder.Otp.Conformance.Scenarios;

/// <summary>
/// FsCheck generators for <see cref="Scenario"/>s that OTP accepts: the four strategies, intensity 0–5,
/// 1–6 child specs (a nested supervisor among the options), significant children only where OTP allows
/// them, and 1–20 steps. <see cref="Shrink"/> makes a failing scenario smaller while it stays valid.
/// </summary>
public static class ScenarioGen
{
    private static readonly Restart[] Restarts = [Restart.Permanent, Restart.Transient, Restart.Temporary];

    /// <summary>A scenario, with shrinking.</summary>
    public static Arbitrary<Scenario> Arbitrary { get; } = Arb.From(Scenario(), Shrink);

    /// <summary>Generates valid scenarios.</summary>
    public static Gen<Scenario> Scenario() =>
        from strategy in Gen.Elements(SupervisorStrategyKind.OneForOne, SupervisorStrategyKind.OneForAll, SupervisorStrategyKind.RestForOne,
            SupervisorStrategyKind.SimpleOneForOne)
        from intensity in Gen.Choose(0, 5)
        from auto in Gen.Frequency((3, Gen.Constant(AutoShutdown.Never)), (1, Gen.Constant(AutoShutdown.AnySignificant)),
            (1, Gen.Constant(AutoShutdown.AllSignificant)))
        from children in strategy == SupervisorStrategyKind.SimpleOneForOne
            ? Worker("tmpl", auto).Select(t => (IReadOnlyList<ChildDef>)[t])
            : Gen.Choose(1, 6).SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n).Select(i => Child($"c{i}", auto))))
                .Select(list => (IReadOnlyList<ChildDef>)list)
        from spares in strategy == SupervisorStrategyKind.SimpleOneForOne
            ? Gen.Constant((IReadOnlyList<ChildDef>)[])
            : Gen.CollectToArray(new[] { Worker("x1", auto), Worker("x2", auto) }).Select(list => (IReadOnlyList<ChildDef>)list)
        from count in Gen.Choose(1, 20)
        from steps in Gen.ArrayOf(strategy == SupervisorStrategyKind.SimpleOneForOne ? SimpleStep() : StaticStep(children, spares), count)
        select new Scenario(strategy, intensity, auto, children, spares, NumberSimpleStarts(steps));

    private static Gen<ChildDef> Child(string id, AutoShutdown auto) =>
        Gen.Frequency((5, Worker(id, auto)), (1, NestedSupervisor(id, auto)));

    private static Gen<ChildDef> Worker(string id, AutoShutdown auto) =>
        from restart in Gen.Elements(Restarts)
        from shutdown in Gen.Elements(ChildDef.BrutalKill, 1000, 5000, ChildDef.Infinity)
        from significant in Significant(restart, auto)
        select new ChildDef(id, restart, shutdown, significant);

    /// <summary>
    /// A nested supervisor with one or two workers. Its shutdown is a timeout or infinity, never brutal_kill:
    /// a killed OTP supervisor leaves its children to die through their links, in an order no one controls.
    /// </summary>
    private static Gen<ChildDef> NestedSupervisor(string id, AutoShutdown auto) =>
        from restart in Gen.Elements(Restarts)
        from shutdown in Gen.Elements(5000, ChildDef.Infinity)
        from significant in Significant(restart, auto)
        from strategy in Gen.Elements(SupervisorStrategyKind.OneForOne, SupervisorStrategyKind.OneForAll, SupervisorStrategyKind.RestForOne)
        from intensity in Gen.Choose(0, 2)
        from size in Gen.Choose(1, 2)
        from workers in Gen.CollectToArray(Enumerable.Range(1, size).Select(i => Worker($"{id}.w{i}", AutoShutdown.Never)))
        select new ChildDef(id, restart, shutdown, significant, new NestedDef(strategy, intensity, workers));

    /// <summary>OTP refuses a significant permanent child; a significant child only matters when auto_shutdown is on.</summary>
    private static Gen<bool> Significant(Restart restart, AutoShutdown auto) =>
        auto == AutoShutdown.Never || restart == Restart.Permanent ? Gen.Constant(false) : Gen.Elements(true, false);

    private static Gen<Step> StaticStep(IReadOnlyList<ChildDef> children, IReadOnlyList<ChildDef> spares)
    {
        var targets = children.Concat(spares).SelectMany(c => c.Workers).Select(c => c.Id).ToArray();
        var ids = children.Concat(spares).Select(c => c.Id).Append("nope").ToArray();
        var specs = children.Concat(spares).ToArray();
        return Gen.Frequency(
            (4, Gen.Elements(targets).Select(t => (Step)new ChildExitStep(ChildExitKind.Crash, t))),
            (2, Gen.Elements(targets).Select(t => (Step)new ChildExitStep(ChildExitKind.ExitNormal, t))),
            (2, Gen.Elements(targets).Select(t => (Step)new ChildExitStep(ChildExitKind.ExitShutdown, t))),
            (2, Gen.Elements(targets).Select(t => (Step)new ChildExitStep(ChildExitKind.Kill, t))),
            (3, Gen.Elements(specs).Select(s => (Step)new StartChildStep(s))),
            (2, Gen.Elements(ids).Select(id => (Step)new TerminateChildStep(id))),
            (2, Gen.Elements(ids).Select(id => (Step)new RestartChildStep(id))),
            (2, Gen.Elements(ids).Select(id => (Step)new DeleteChildStep(id))),
            (1, Gen.Constant((Step)new WhichChildrenStep())),
            (1, Gen.Constant((Step)new CountChildrenStep())),
            (1, Gen.Constant((Step)new ShutdownStep())));
    }

    private static Gen<Step> SimpleStep()
    {
        var targets = Enumerable.Range(1, 5).Select(i => $"s{i}").ToArray();
        return Gen.Frequency(
            (5, Gen.Constant((Step)new StartSimpleChildStep(""))),
            (4, Gen.Elements(targets).Select(t => (Step)new ChildExitStep(ChildExitKind.Crash, t))),
            (2, Gen.Elements(targets).Select(t => (Step)new ChildExitStep(ChildExitKind.ExitNormal, t))),
            (2, Gen.Elements(targets).Select(t => (Step)new ChildExitStep(ChildExitKind.ExitShutdown, t))),
            (2, Gen.Elements(targets).Select(t => (Step)new ChildExitStep(ChildExitKind.Kill, t))),
            (2, Gen.Elements(targets).Select(t => (Step)new TerminateChildByRefStep(t))),
            (1, Gen.Elements("tmpl", "nope").Select(id => (Step)new TerminateChildStep(id))),
            (1, Gen.Constant((Step)new RestartChildStep("tmpl"))),
            (1, Gen.Constant((Step)new DeleteChildStep("tmpl"))),
            (1, Gen.Constant((Step)new WhichChildrenStep())),
            (1, Gen.Constant((Step)new CountChildrenStep())),
            (1, Gen.Constant((Step)new ShutdownStep())));
    }

    /// <summary>Simple children are traced as s1, s2, … in the order they are started.</summary>
    private static Step[] NumberSimpleStarts(IEnumerable<Step> steps)
    {
        var n = 0;
        return steps.Select(s => s is StartSimpleChildStep ? new StartSimpleChildStep($"s{++n}") : s).ToArray();
    }

    /// <summary>
    /// Smaller scenarios that are still valid: fewer steps (first halves, then one at a time), fewer
    /// children, nested supervisors as plain workers, lower intensity, no auto_shutdown.
    /// </summary>
    public static IEnumerable<Scenario> Shrink(Scenario scenario)
    {
        var steps = scenario.Steps;
        if (steps.Count > 1)
        {
            yield return scenario with { Steps = steps.Take(steps.Count / 2).ToArray() };
            yield return scenario with { Steps = steps.Skip(steps.Count / 2).ToArray() };
        }
        for (var i = steps.Count - 1; i >= 0 && steps.Count > 1; i--)
            yield return scenario with { Steps = steps.Where((_, j) => j != i).ToArray() };
        if (!scenario.IsSimple)
        {
            for (var i = 0; i < scenario.Children.Count && scenario.Children.Count > 1; i++)
                yield return scenario with { Children = scenario.Children.Where((_, j) => j != i).ToArray() };
            for (var i = 0; i < scenario.Children.Count; i++)
            {
                if (scenario.Children[i] is not { Nested: not null } nested) continue;
                var worker = nested with { Nested = null, ShutdownMs = nested.ShutdownMs };
                yield return scenario with { Children = scenario.Children.Select((c, j) => j == i ? worker : c).ToArray() };
            }
        }
        if (scenario.Intensity > 0) yield return scenario with { Intensity = scenario.Intensity - 1 };
        if (scenario.AutoShutdown != AutoShutdown.Never)
        {
            static ChildDef Plain(ChildDef c) => c with { Significant = false };
            yield return scenario with
            {
                AutoShutdown = AutoShutdown.Never,
                Children = scenario.Children.Select(Plain).ToArray(),
                Spares = scenario.Spares.Select(Plain).ToArray(),
                Steps = scenario.Steps.Select(s => s is StartChildStep start ? new StartChildStep(Plain(start.Spec)) : s).ToArray(),
            };
        }
    }
}

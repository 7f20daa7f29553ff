namespace ActorRecorder.Otp;

/// <summary>
/// How long an ordered shutdown of a supervisor may take, from its specs: the shutdown timeouts of the
/// children that are asked to stop gracefully, one after another (all at once under simple_one_for_one),
/// and the budgets of child supervisors that wait with <see cref="Shutdown.Infinity"/>. Children stopped
/// at once count for nothing; children added at run time are not known yet.
/// </summary>
internal static class ShutdownBudget
{
    public static TimeSpan Of(SupervisorFlags flags, IReadOnlyList<ChildSpec> specs)
    {
        if (flags.Strategy == SupervisorStrategyKind.SimpleOneForOne) return specs.Count == 1 ? Of(specs[0]) : TimeSpan.Zero;
        var total = TimeSpan.Zero;
        foreach (var spec in specs) total += Of(spec);
        return total;
    }

    private static TimeSpan Of(ChildSpec spec)
    {
        var type = spec.Props?.Type;
        if (spec.Shutdown.IsBrutalKill || type is null || !typeof(IHandleGracefulShutdown).IsAssignableFrom(type)) return TimeSpan.Zero;
        if (spec.Shutdown.TimeoutValue is { } timeout) return timeout;
        return type == typeof(Supervisor) && spec.Props!.Arguments is [SupervisorFlags flags, IReadOnlyList<ChildSpec> children]
            ? Of(flags, children)
            : TimeSpan.Zero;
    }
}

using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>OTP's checks of supervisor flags and child specs (<c>check_flags</c>, <c>check_childspec</c>), with OTP's reasons.</summary>
internal static class SupervisorSpecValidation
{
    /// <summary>Checks the flags and the start spec of a supervisor.</summary>
    public static void Validate(SupervisorFlags flags, IReadOnlyList<ChildSpec> children)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(children);
        flags.Validate();
        if (flags.Strategy == SupervisorStrategyKind.SimpleOneForOne)
        {
            if (children.Count != 1)
                throw new InvalidChildSpecException("bad_start_spec", null,
                    $"a simple_one_for_one supervisor needs exactly one child spec (its template), got {children.Count}");
            ValidateSpec(flags, children[0], template: true);
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in children)
        {
            ValidateSpec(flags, spec, template: false);
            if (!ids.Add(spec.Id)) throw new InvalidChildSpecException("duplicate_child_name", spec.Id, "two child specs have this id");
        }
    }

    /// <summary>Checks one spec: a spec added with <c>StartChild</c>, or the template of a simple_one_for_one supervisor.</summary>
    public static void ValidateSpec(SupervisorFlags flags, ChildSpec spec, bool template)
    {
        if (spec is null) throw new InvalidChildSpecException("invalid_child_spec", null, "a child spec is null");
        if (!Enum.IsDefined(spec.Restart)) throw new InvalidChildSpecException("invalid_restart_type", spec.Id, $"unknown restart type {spec.Restart}");
        if (!Enum.IsDefined(spec.Type)) throw new InvalidChildSpecException("invalid_child_type", spec.Id, $"unknown child type {spec.Type}");
        if (spec.Shutdown is null) throw new InvalidChildSpecException("invalid_shutdown", spec.Id, "the shutdown is null");
        if (spec.RestartMode is { } mode && !Enum.IsDefined(mode))
            throw new InvalidChildSpecException("invalid_restart_mode", spec.Id, $"unknown restart mode {mode}");
        if (spec.Props is null && spec.Factory is null) throw new InvalidChildSpecException("missing_start", spec.Id, "the spec has neither props nor a factory");
        if (!template)
        {
            if (spec.Props is null)
                throw new InvalidChildSpecException("invalid_child_spec", spec.Id,
                    "only the template of a simple_one_for_one supervisor is made from a factory; give props");
            if (!ActorPath.IsValidPathElement(spec.Id))
                throw new InvalidChildSpecException("invalid_child_spec", spec.Id, "the id names the child actor, so it must be a valid actor name");
        }
        if (spec.Significant && flags.AutoShutdown == AutoShutdown.Never)
            throw new InvalidChildSpecException("bad_combination", spec.Id, "a significant child needs auto_shutdown any_significant or all_significant, not never");
        if (spec.Significant && spec.Restart == Restart.Permanent)
            throw new InvalidChildSpecException("bad_combination", spec.Id, "a significant child cannot be permanent");
    }
}

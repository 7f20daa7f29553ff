namespace ActorRecorder.Otp.Conformance.Scenarios;

/// <summary>One step of a scenario. Both drivers trace <c>step N Label</c> before running it.</summary>
public abstract record Step
{
    private protected Step()
    {
    }

    /// <summary>How the trace names the step.</summary>
    public abstract string Label { get; }

    internal abstract string ToErlang();

    internal abstract string ToCSharp();
}

/// <summary>How a child leaves on its own: OTP's exit reasons as the child produces them.</summary>
public enum ChildExitKind
{
    /// <summary>It crashes (<c>{stop, crash, _}</c>; an exception in Akka).</summary>
    Crash,

    /// <summary>It exits with <c>normal</c> (<c>Context.Stop(Self)</c>).</summary>
    ExitNormal,

    /// <summary>It exits with <c>shutdown</c> (<see cref="ExitException"/> with <see cref="ExitReason.Shutdown"/>).</summary>
    ExitShutdown,

    /// <summary>It is killed (<c>exit(Pid, kill)</c>; Akka's <c>Kill</c>).</summary>
    Kill,
}

/// <summary>The running incarnation of <paramref name="Target"/> exits; <c>skip</c> when none runs.</summary>
public sealed record ChildExitStep(ChildExitKind Kind, string Target) : Step
{
    /// <inheritdoc />
    public override string Label => $"{Name} {Target}";

    private string Name => Kind switch
    {
        ChildExitKind.Crash => "crash",
        ChildExitKind.ExitNormal => "exit_normal",
        ChildExitKind.ExitShutdown => "exit_shutdown",
        _ => "kill",
    };

    internal override string ToErlang() => $"{{{Name}, {Erl.Atom(Target)}}}";

    internal override string ToCSharp() => $"new ChildExitStep(ChildExitKind.{Kind}, \"{Target}\")";
}

/// <summary><c>supervisor:start_child(Sup, Spec)</c>.</summary>
public sealed record StartChildStep(ChildDef Spec) : Step
{
    /// <inheritdoc />
    public override string Label => $"start_child {Spec.Id}";

    internal override string ToErlang() => $"{{start_child, {Spec.ToErlang()}}}";

    internal override string ToCSharp() => $"new StartChildStep({Spec.ToCSharp()})";
}

/// <summary><c>supervisor:start_child(Sup, [Label])</c> under simple_one_for_one: the child is traced as <paramref name="Child"/>.</summary>
public sealed record StartSimpleChildStep(string Child) : Step
{
    /// <inheritdoc />
    public override string Label => $"start_child [{Child}]";

    internal override string ToErlang() => $"{{start_simple, {Erl.Atom(Child)}}}";

    internal override string ToCSharp() => $"new StartSimpleChildStep(\"{Child}\")";
}

/// <summary><c>supervisor:terminate_child(Sup, Id)</c>.</summary>
public sealed record TerminateChildStep(string Id) : Step
{
    /// <inheritdoc />
    public override string Label => $"terminate_child {Id}";

    internal override string ToErlang() => $"{{terminate_child, {{id, {Erl.Atom(Id)}}}}}";

    internal override string ToCSharp() => $"new TerminateChildStep(\"{Id}\")";
}

/// <summary><c>supervisor:terminate_child(Sup, Pid)</c> for the running incarnation of <paramref name="Child"/>; <c>skip</c> when none runs.</summary>
public sealed record TerminateChildByRefStep(string Child) : Step
{
    /// <inheritdoc />
    public override string Label => $"terminate_child pid {Child}";

    internal override string ToErlang() => $"{{terminate_child, {{pid, {Erl.Atom(Child)}}}}}";

    internal override string ToCSharp() => $"new TerminateChildByRefStep(\"{Child}\")";
}

/// <summary><c>supervisor:restart_child(Sup, Id)</c>.</summary>
public sealed record RestartChildStep(string Id) : Step
{
    /// <inheritdoc />
    public override string Label => $"restart_child {Id}";

    internal override string ToErlang() => $"{{restart_child, {Erl.Atom(Id)}}}";

    internal override string ToCSharp() => $"new RestartChildStep(\"{Id}\")";
}

/// <summary><c>supervisor:delete_child(Sup, Id)</c>.</summary>
public sealed record DeleteChildStep(string Id) : Step
{
    /// <inheritdoc />
    public override string Label => $"delete_child {Id}";

    internal override string ToErlang() => $"{{delete_child, {Erl.Atom(Id)}}}";

    internal override string ToCSharp() => $"new DeleteChildStep(\"{Id}\")";
}

/// <summary><c>supervisor:which_children(Sup)</c>.</summary>
public sealed record WhichChildrenStep : Step
{
    /// <inheritdoc />
    public override string Label => "which_children";

    internal override string ToErlang() => "which_children";

    internal override string ToCSharp() => "new WhichChildrenStep()";
}

/// <summary><c>supervisor:count_children(Sup)</c>.</summary>
public sealed record CountChildrenStep : Step
{
    /// <inheritdoc />
    public override string Label => "count_children";

    internal override string ToErlang() => "count_children";

    internal override string ToCSharp() => "new CountChildrenStep()";
}

/// <summary>The supervisor is shut down by its parent (<c>exit(Sup, shutdown)</c>; <c>Supervisor.StopAsync</c>).</summary>
public sealed record ShutdownStep : Step
{
    /// <inheritdoc />
    public override string Label => "shutdown";

    internal override string ToErlang() => "shutdown";

    internal override string ToCSharp() => "new ShutdownStep()";
}

namespace ActorRecorder.Actors.Supervision;

/// <summary>What a supervisor knows of one child: its spec, the running child (if any) and its state.</summary>
internal sealed class ChildRecord(ChildSpec spec, IReadOnlyList<object?> arguments)
{
    public ChildSpec Spec { get; } = spec;

    /// <summary>The start arguments (simple_one_for_one), empty otherwise.</summary>
    public IReadOnlyList<object?> Arguments { get; } = arguments;

    /// <summary>The running child, or null.</summary>
    public ActorCell? Cell { get; set; }

    /// <summary>Between a restart decision and the child's acknowledgement.</summary>
    public bool Restarting { get; set; }

    /// <summary>The child exited on its own and is not restarted (it counts for auto_shutdown).</summary>
    public bool ExitedOnItsOwn { get; set; }

    public bool IsAlive => Cell is not null;

    public ChildInfo Info => new(Spec.Id, Cell?.Self, Restarting, Spec.Type);
}

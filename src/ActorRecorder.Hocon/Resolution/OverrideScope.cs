namespace ActorRecorder.Hocon.Resolution;

/// <summary>
/// While a potentially self-referential field is being resolved, lookups of its path see only
/// what was defined before it. Scopes nest; the innermost one for a path wins.
/// </summary>
/// <param name="outer">The enclosing scope, if any.</param>
/// <param name="path">The field being resolved.</param>
/// <param name="lookBack">The earlier definitions of that field, or null when there are none.</param>
/// <param name="selfReferenceDepth">How many self-referential fields were being resolved when
/// this one started; tells a direct self-reference from one reached through other fields.</param>
internal sealed class OverrideScope(OverrideScope? outer, PathNode path, LookBack? lookBack, int selfReferenceDepth)
{
    public OverrideScope? Outer { get; } = outer;

    public PathNode Path { get; } = path;

    public LookBack? LookBack { get; } = lookBack;

    public int SelfReferenceDepth { get; } = selfReferenceDepth;

    /// <summary>1 for the outermost scope, growing inwards.</summary>
    public int Depth { get; } = (outer?.Depth ?? 0) + 1;
}

namespace ActorRecorder.Hocon;

/// <summary>Cached answer to "does this subtree still contain substitutions?".</summary>
internal enum ResolvedState
{
    Unknown,
    Resolved,
    Unresolved,
}

using System.Runtime.CompilerServices;

namespace ActorRecorder.Hocon.Resolution;

/// <summary>
/// Identifies a remembered resolution: the node itself (by reference, since the spec asks to
/// memoize each occurrence) and the override scope it depended on, if any.
/// </summary>
internal readonly struct MemoKey(HoconValue node, OverrideScope? scope) : IEquatable<MemoKey>
{
    private readonly HoconValue _node = node;
    private readonly OverrideScope? _scope = scope;

    public bool Equals(MemoKey other) => ReferenceEquals(_node, other._node) && ReferenceEquals(_scope, other._scope);

    public override bool Equals(object? obj) => obj is MemoKey other && Equals(other);

    public override int GetHashCode()
        => HashCode.Combine(RuntimeHelpers.GetHashCode(_node), _scope is null ? 0 : RuntimeHelpers.GetHashCode(_scope));
}

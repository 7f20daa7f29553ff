using ActorRecorder.Hocon.Parsing;

namespace ActorRecorder.Hocon.Unresolved;

/// <summary>
/// A value concatenation that contains at least one substitution, so it can only be joined
/// once the substitutions are known. Separating whitespace is kept as parts.
/// </summary>
internal sealed class HoconConcatenation(HoconValue[] parts, SourcePosition position) : HoconValue
{
    private ResolvedState _resolved;

    public HoconValue[] Parts { get; } = parts;

    public SourcePosition Position { get; } = position;

    public override HoconValueType Type => throw new InvalidOperationException("A concatenation has no type until it is resolved.");

    internal override bool IsResolved
    {
        get
        {
            if (_resolved == ResolvedState.Unknown)
            {
                _resolved = Array.TrueForAll(Parts, part => part.IsResolved) ? ResolvedState.Resolved : ResolvedState.Unresolved;
            }

            return _resolved == ResolvedState.Resolved;
        }
    }
}

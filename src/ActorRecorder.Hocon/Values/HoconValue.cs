using ActorRecorder.Hocon.Rendering;

namespace ActorRecorder.Hocon;

/// <summary>
/// A node of a configuration tree. Trees handed out by <see cref="Config"/> are always resolved,
/// so every node is one of <see cref="HoconObject"/>, <see cref="HoconArray"/>,
/// <see cref="HoconString"/>, <see cref="HoconNumber"/>, <see cref="HoconBoolean"/> or
/// <see cref="HoconNull"/>.
/// </summary>
internal abstract class HoconValue
{
    // Only this assembly may add node kinds: the resolver relies on knowing all of them.
    private protected HoconValue()
    {
    }

    /// <summary>The kind of this value.</summary>
    public abstract HoconValueType Type { get; }

    /// <summary>True when no substitution is left anywhere inside this value.</summary>
    internal abstract bool IsResolved { get; }

    /// <summary>Renders this value as HOCON text that parses back to the same value.</summary>
    /// <returns>HOCON text.</returns>
    public override string ToString() => HoconRenderer.RenderValue(this);
}

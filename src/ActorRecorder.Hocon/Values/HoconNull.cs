namespace ActorRecorder.Hocon;

/// <summary>The explicit <c>null</c> value.</summary>
internal sealed class HoconNull : HoconValue
{
    private HoconNull()
    {
    }

    /// <summary>The shared <c>null</c> value.</summary>
    public static HoconNull Instance { get; } = new();

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Null;

    /// <inheritdoc />
    internal override bool IsResolved => true;
}

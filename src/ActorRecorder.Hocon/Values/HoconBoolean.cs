namespace ActorRecorder.Hocon;

/// <summary>A boolean value.</summary>
internal sealed class HoconBoolean : HoconValue
{
    private HoconBoolean(bool value)
    {
        Value = value;
    }

    /// <summary>The shared <c>true</c> value.</summary>
    public static HoconBoolean True { get; } = new(true);

    /// <summary>The shared <c>false</c> value.</summary>
    public static HoconBoolean False { get; } = new(false);

    /// <summary>The boolean.</summary>
    public bool Value { get; }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Boolean;

    /// <inheritdoc />
    internal override bool IsResolved => true;
}

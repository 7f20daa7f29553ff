namespace ActorRecorder.Hocon;

/// <summary>A string value.</summary>
internal sealed class HoconString : HoconValue
{
    /// <summary>Creates a string value.</summary>
    internal HoconString(string value, bool isSeparatingWhitespace = false)
    {
        Value = value;
        IsSeparatingWhitespace = isSeparatingWhitespace;
    }

    /// <summary>The text of the string.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.String;

    /// <summary>
    /// True for the whitespace written between two parts of a value concatenation. It is kept
    /// between strings but ignored between arrays or objects, so it must stay recognisable.
    /// </summary>
    internal bool IsSeparatingWhitespace { get; }

    /// <inheritdoc />
    internal override bool IsResolved => true;
}

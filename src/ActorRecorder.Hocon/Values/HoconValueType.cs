namespace ActorRecorder.Hocon;

/// <summary>The JSON-compatible kind of a resolved configuration value.</summary>
internal enum HoconValueType
{
    /// <summary>An object: named fields.</summary>
    Object,

    /// <summary>An array: an ordered list of values.</summary>
    Array,

    /// <summary>A string (quoted, unquoted, multi-line or the result of a concatenation).</summary>
    String,

    /// <summary>A number, integral or floating point.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>The explicit <c>null</c> value.</summary>
    Null,
}

namespace ActorRecorder.Hocon;

/// <summary>
/// A value exists but cannot be read as the requested type (for example <c>GetInt</c> on
/// <c>"abc"</c>, or a duration with an unknown unit).
/// </summary>
public sealed class ConfigWrongTypeException : ConfigException
{
    /// <summary>Creates a wrong-type error.</summary>
    /// <param name="path">Path of the offending value.</param>
    /// <param name="expectedType">The type the caller asked for.</param>
    /// <param name="actualValue">A short rendering of the value that was found.</param>
    /// <param name="detail">Optional extra explanation.</param>
    public ConfigWrongTypeException(string path, string expectedType, string actualValue, string? detail = null)
        : base($"Configuration path '{path}' has value {actualValue}, which cannot be read as {expectedType}"
            + (detail is null ? string.Empty : ": " + detail))
    {
        Path = path;
        ExpectedType = expectedType;
        ActualValue = actualValue;
    }

    /// <summary>Path of the offending value.</summary>
    public string Path { get; }

    /// <summary>The type the caller asked for.</summary>
    public string ExpectedType { get; }

    /// <summary>A short rendering of the value that was found.</summary>
    public string ActualValue { get; }
}

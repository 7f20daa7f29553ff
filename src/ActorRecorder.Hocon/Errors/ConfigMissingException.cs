namespace ActorRecorder.Hocon;

/// <summary>
/// A getter asked for a path that has no value (or whose value is <c>null</c>, which HOCON treats
/// as "no usable value" for typed reads).
/// </summary>
public sealed class ConfigMissingException : ConfigException
{
    /// <summary>Creates an error for a missing path.</summary>
    /// <param name="path">The full path that was asked for.</param>
    /// <param name="isNull">True when the path exists but is set to <c>null</c>.</param>
    public ConfigMissingException(string path, bool isNull = false)
        : base(isNull
            ? $"Configuration path '{path}' is set to null, so it has no value"
            : $"No configuration value found at path '{path}'")
    {
        Path = path;
    }

    /// <summary>The full path that was asked for.</summary>
    public string Path { get; }
}

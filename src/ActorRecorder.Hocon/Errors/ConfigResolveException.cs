namespace ActorRecorder.Hocon;

/// <summary>
/// Substitutions could not be resolved: an undefined <c>${path}</c>, a cycle, or a value
/// concatenation that mixes incompatible kinds once substitutions are known.
/// </summary>
public sealed class ConfigResolveException : ConfigException
{
    /// <summary>Creates a resolution error.</summary>
    /// <param name="path">The configuration path whose value could not be resolved.</param>
    /// <param name="message">What went wrong.</param>
    public ConfigResolveException(string path, string message)
        : base(message)
    {
        Path = path;
    }

    /// <summary>The configuration path whose value could not be resolved.</summary>
    public string Path { get; }
}

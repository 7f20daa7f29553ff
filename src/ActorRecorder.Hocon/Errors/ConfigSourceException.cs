namespace ActorRecorder.Hocon;

/// <summary>
/// A configuration source could not be loaded: a missing required include, a missing file or
/// embedded resource, an unsupported include kind, an include cycle, or an I/O failure.
/// </summary>
public sealed class ConfigSourceException : ConfigException
{
    /// <summary>Creates a source error.</summary>
    /// <param name="sourceName">The file, resource or include name that failed.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying I/O error, if any.</param>
    public ConfigSourceException(string sourceName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        SourceName = sourceName;
    }

    /// <summary>The file, resource or include name that failed.</summary>
    public string SourceName { get; }
}

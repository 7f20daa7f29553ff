namespace ActorRecorder.Hocon;

/// <summary>
/// Base type of every error this library reports. Callers can catch this one type to handle
/// any problem with configuration text, sources, substitutions or value lookups.
/// </summary>
public class ConfigException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public ConfigException()
        : base("Invalid configuration.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public ConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the error that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public ConfigException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

namespace ActorRecorder.Hocon;

/// <summary>
/// A path expression passed to a getter is not valid, for example <c>a..b</c> or an empty string.
/// </summary>
public sealed class ConfigBadPathException : ConfigException
{
    /// <summary>Creates a bad-path error.</summary>
    /// <param name="pathExpression">The path text as given by the caller.</param>
    /// <param name="reason">Why it is invalid.</param>
    public ConfigBadPathException(string pathExpression, string reason)
        : base($"Invalid path expression '{pathExpression}': {reason}")
    {
        PathExpression = pathExpression;
    }

    /// <summary>The path text as given by the caller.</summary>
    public string PathExpression { get; }
}

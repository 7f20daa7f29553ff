namespace ActorRecorder.Http;

/// <summary>A listener option, or a combination of options, is invalid: names the listener, the key, the value and why.</summary>
public sealed class InvalidListenerOptionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidListenerOptionException(string listener, string key, object? value, string reason, Exception? innerException = null)
        : base($"Listener '{listener}': invalid option {key} = {Format(value)}: {reason}.", innerException)
    {
        Listener = listener;
        Key = key;
        Value = value;
        Reason = reason;
    }

    /// <summary>The listener's name.</summary>
    public string Listener { get; }

    /// <summary>The option's key, as in HOCON (e.g. <c>max-message-size</c>, <c>tls.certificate-path</c>).</summary>
    public string Key { get; }

    /// <summary>The value given.</summary>
    public object? Value { get; }

    /// <summary>Why it is invalid.</summary>
    public string Reason { get; }

    private static string Format(object? value) => value switch
    {
        null => "(none)",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? "",
    };
}

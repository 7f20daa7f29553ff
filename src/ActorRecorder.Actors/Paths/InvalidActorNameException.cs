namespace ActorRecorder.Actors;

/// <summary>Thrown when an actor name is invalid or already taken among its siblings.</summary>
public sealed class InvalidActorNameException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="name"/> and the reason it was refused.</summary>
    public InvalidActorNameException(string? name, string reason)
        : base($"Invalid actor name '{name}': {reason}.", "name")
    {
        ActorName = name;
        Reason = reason;
    }

    /// <summary>The refused name.</summary>
    public string? ActorName { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }
}

namespace ActorRecorder.Actors;

/// <summary>Conventional replies: a success with an optional value, or a failure with its cause.</summary>
public static class Status
{
    /// <summary>A successful outcome.</summary>
    /// <param name="Value">An optional result.</param>
    public sealed record Success(object? Value);

    /// <summary>A failed outcome; an Ask that receives it faults with <paramref name="Cause"/>.</summary>
    /// <param name="Cause">Why it failed.</param>
    /// <param name="State">Optional context.</param>
    public sealed record Failure(Exception Cause, object? State = null);
}

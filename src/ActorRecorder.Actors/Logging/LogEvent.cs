using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>A log entry of the kernel or of an actor, published on the <see cref="EventStream"/> (the TestKit's EventFilter reads these).</summary>
/// <param name="Level">The level.</param>
/// <param name="LogSource">The path of the actor (or the component) that logged.</param>
/// <param name="LogClass">The type that logged.</param>
/// <param name="Message">The rendered message.</param>
/// <param name="Cause">The exception, if any.</param>
public sealed record LogEvent(LogLevel Level, string LogSource, Type LogClass, string Message, Exception? Cause)
{
    /// <summary>When it was logged (UTC).</summary>
    public DateTimeOffset Timestamp { get; } = DateTimeOffset.UtcNow;

    /// <inheritdoc />
    public override string ToString() =>
        Cause is null ? $"[{Level}] [{LogSource}] {Message}" : $"[{Level}] [{LogSource}] {Message}: {Cause.GetType().Name}: {Cause.Message}";
}

namespace ActorRecorder.Actors;

/// <summary>Sent to an actor that received nothing for its receive timeout (<see cref="IActorContext.SetReceiveTimeout"/>).</summary>
public sealed class ReceiveTimeout : IPossiblyHarmful
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The single instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "ReceiveTimeout";
}

/// <summary>Marks messages that must not come from outside the node (kept for remote transports).</summary>
public interface IPossiblyHarmful
{
}

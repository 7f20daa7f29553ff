namespace ActorRecorder.Actors;

/// <summary>Stops the actor with <see cref="ExitReason.Normal"/> when it reaches the front of the mailbox.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "PoisonPill";
}

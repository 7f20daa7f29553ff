namespace ActorRecorder.Actors;

/// <summary>
/// Makes the actor fail with <see cref="ActorKilledException"/> when it reaches the front of the
/// mailbox; the default decider stops it with <see cref="ExitReason.Killed"/>. The target cannot
/// trap it.
/// </summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "Kill";
}

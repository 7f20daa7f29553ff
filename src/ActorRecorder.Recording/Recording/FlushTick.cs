namespace ActorRecorder.Recording;

/// <summary>The recorder's timer: time to write what has been waiting since the timer was armed.</summary>
internal sealed class FlushTick
{
    public static readonly FlushTick Instance = new();

    private FlushTick()
    {
    }
}

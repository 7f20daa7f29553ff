namespace ActorRecorder.Recording;

/// <summary>
/// Told by a recorder to itself when its buffer is due: it arrives after the records that were
/// already queued, so those join the same write (group commit). Only a hint: the recorder looks at
/// its buffer, so one that finds it already written does nothing.
/// </summary>
internal sealed class WriteDue
{
    public static readonly WriteDue Instance = new();

    private WriteDue()
    {
    }
}

namespace ActorRecorder.Recording;

/// <summary>
/// Time for the recorder to look at its writes: told by a background write that has ended (so that a
/// quiet recorder accounts for it, or crashes on its error, at once), and by the recorder to itself so
/// that a due buffer is written once the records queued before it are formatted. Only ever a hint: the
/// recorder looks at its state, so a late or extra one does nothing.
/// </summary>
internal sealed class WriteCheck
{
    public static readonly WriteCheck Instance = new();

    private WriteCheck()
    {
    }
}

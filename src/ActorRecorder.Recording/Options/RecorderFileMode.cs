namespace ActorRecorder.Recording;

/// <summary>How a recorder opens its file when it starts for the first time.</summary>
/// <remarks>A restart after a crash always appends, whatever this says: a restart must never erase what was recorded.</remarks>
public enum RecorderFileMode
{
    /// <summary>Create the file, or empty it if it exists (ZenWebsocket's behaviour).</summary>
    Truncate,

    /// <summary>Create the file, or add to its end if it exists.</summary>
    Append,
}

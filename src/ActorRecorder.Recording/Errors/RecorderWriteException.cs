namespace ActorRecorder.Recording;

/// <summary>
/// A recorder could not write its file (disk full, file removed, I/O error). The recorder keeps the
/// unwritten entries, crashes and is restarted by its supervisor, which reopens the file in append mode.
/// </summary>
public sealed class RecorderWriteException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The recording file.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The error of the file system, if any.</param>
    public RecorderWriteException(string path, string message, Exception? innerException = null)
        : base($"Recorder could not write '{path}': {message}", innerException)
    {
        Path = path;
        Reason = message;
    }

    /// <summary>The recording file.</summary>
    public string Path { get; }

    /// <summary>What went wrong, without the path.</summary>
    public string Reason { get; }
}

namespace ActorRecorder.Recording;

/// <summary>
/// <see cref="Recorder.StartAsync"/> could not open the recording file. No recorder actor is left behind.
/// </summary>
public sealed class RecorderStartException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The recording file.</param>
    /// <param name="reason">Why it could not be opened.</param>
    /// <param name="innerException">The error of the file system, if any.</param>
    public RecorderStartException(string path, RecorderStartFailure reason, Exception? innerException = null)
        : base(Describe(path, reason, innerException), innerException)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The recording file.</summary>
    public string Path { get; }

    /// <summary>Why it could not be opened.</summary>
    public RecorderStartFailure Reason { get; }

    private static string Describe(string path, RecorderStartFailure reason, Exception? inner)
    {
        var why = reason switch
        {
            RecorderStartFailure.DirectoryNotFound => $"its directory '{System.IO.Path.GetDirectoryName(path)}' does not exist (enoent)",
            RecorderStartFailure.IsADirectory => "the path is a directory (eisdir)",
            RecorderStartFailure.AccessDenied => "permission denied (eacces)",
            RecorderStartFailure.AlreadyRecording => "another recorder of this actor system is writing to it",
            RecorderStartFailure.Timeout => "the file did not open in time",
            _ => inner?.Message ?? "an I/O error",
        };
        return $"Cannot start a recorder for '{path}': {why}.";
    }
}

namespace ActorRecorder.Recording;

/// <summary>Why a recorder could not start (the <c>{error, reason}</c> of ZenWebsocket's <c>start_link</c>).</summary>
public enum RecorderStartFailure
{
    /// <summary>The directory of the file does not exist (<c>enoent</c>).</summary>
    DirectoryNotFound,

    /// <summary>The path is a directory, not a file (<c>eisdir</c>).</summary>
    IsADirectory,

    /// <summary>The process may not create or write the file (<c>eacces</c>).</summary>
    AccessDenied,

    /// <summary>Another live recorder of this actor system already writes to the path.</summary>
    AlreadyRecording,

    /// <summary>The file did not open within the start timeout (e.g. a FIFO nobody reads).</summary>
    Timeout,

    /// <summary>Any other I/O error; see the inner exception.</summary>
    IOError,
}

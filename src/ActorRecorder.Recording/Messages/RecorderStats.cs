namespace ActorRecorder.Recording;

/// <summary>
/// The figures of one recorder since it started, across restarts. <see cref="Entries"/> and
/// <see cref="Bytes"/> are ZenWebsocket's two figures; the others say what is not (yet) on disk.
/// </summary>
/// <param name="Entries">Entries written to the file (handed to the OS).</param>
/// <param name="Bytes">Bytes written to the file, newlines included.</param>
/// <param name="Pending">Entries accepted but not yet written: buffered in the recorder.</param>
/// <param name="PendingBytes">Bytes of the pending entries.</param>
/// <param name="Dropped">Records dropped because a bounded mailbox (<see cref="RecorderOptions.MailboxCapacity"/>) was full.</param>
/// <param name="Failures">Write errors (each one crashed the recorder, which was restarted if its supervisor allowed it), and entries that could not be formatted (each skipped).</param>
/// <param name="Restarts">Times the recorder was restarted after a crash; it reopened its file in append mode each time.</param>
public sealed record RecorderStats(long Entries, long Bytes, long Pending, long PendingBytes, long Dropped, long Failures, long Restarts);

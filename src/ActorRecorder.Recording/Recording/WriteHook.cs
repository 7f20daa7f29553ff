namespace ActorRecorder.Recording;

/// <summary>Called before each write of a recorder with the bytes and the offset they go to; throwing fails the write (specs).</summary>
internal delegate void WriteHook(ReadOnlySpan<byte> bytes, long offset);

/// <summary>
/// The seam specs use to hold or fail a recorder's writes and fsyncs, given to the internal overload of
/// <see cref="Recorder.StartHookedAsync"/>.
/// </summary>
/// <param name="Write">Called before every write with its bytes and offset, on the thread that writes; throwing fails the write.</param>
/// <param name="Sync">Called before every fsync; throwing fails it.</param>
internal sealed record RecorderHooks(WriteHook? Write = null, Action? Sync = null)
{
    public static RecorderHooks None { get; } = new();
}

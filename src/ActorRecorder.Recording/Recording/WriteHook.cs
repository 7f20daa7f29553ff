namespace ActorRecorder.Recording;

/// <summary>Called before each write of a recorder with the bytes and the offset they go to; throwing fails the write (specs).</summary>
internal delegate void WriteHook(ReadOnlySpan<byte> bytes, long offset);

namespace ActorRecorder.Recording;

/// <summary>One entry read back from a recording (ZenWebsocket's entry map: ts, dir, type, data, binary).</summary>
/// <param name="Timestamp">When the frame was recorded, in UTC.</param>
/// <param name="Direction">Which way it travelled.</param>
/// <param name="Frame">The frame, decoded: text, payload bytes, or close code and reason.</param>
/// <param name="Data">The <c>data</c> field exactly as recorded (the text, the Base64, or the close JSON).</param>
/// <param name="Binary">The <c>binary</c> flag (true when <paramref name="Data"/> is Base64).</param>
/// <param name="IsRawFallback">
/// True when <paramref name="Data"/> could not be decoded as declared (invalid Base64, or close data that
/// is not <c>{"code":…,"reason":…}</c>). As ZenWebsocket does, the raw string is kept: a binary-like frame
/// then carries its UTF-8 bytes, a close frame carries code 1005 (no status) and the string as its reason.
/// </param>
/// <param name="LineNumber">The 1-based line of the file it came from; 0 when a single line was parsed.</param>
public sealed record RecordedEntry(DateTime Timestamp, Direction Direction, Frame Frame, string Data, bool Binary, bool IsRawFallback, long LineNumber)
{
    /// <summary>The frame type (the <c>type</c> field).</summary>
    public FrameType Type => Frame.Type;
}

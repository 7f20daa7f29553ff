using ActorRecorder.Recording;
using ActorRecorder.Server.Recordings;

namespace ActorRecorder.Server.Inspection;

/// <summary>What <c>inspect</c> tells about a recording.</summary>
/// <param name="File">The file, as given.</param>
/// <param name="Count">Well-formed entries.</param>
/// <param name="Inbound">Entries with <c>"dir":"in"</c>.</param>
/// <param name="Outbound">Entries with <c>"dir":"out"</c>.</param>
/// <param name="Types">The frame types present, in the order text, binary, close, ping, pong.</param>
/// <param name="FirstTimestamp">The earliest timestamp (producers may write out of order); null without entries.</param>
/// <param name="LastTimestamp">The latest timestamp; null without entries.</param>
/// <param name="Largest">The largest frame (the first of equals); null without entries.</param>
/// <param name="Malformed">The malformed lines, in file order.</param>
internal sealed record InspectionReport(
    string File,
    long Count,
    long Inbound,
    long Outbound,
    IReadOnlyList<TypeCount> Types,
    DateTime? FirstTimestamp,
    DateTime? LastTimestamp,
    LargestFrame? Largest,
    IReadOnlyList<MalformedLine> Malformed)
{
    /// <summary>From the earliest to the latest timestamp; zero without entries.</summary>
    public TimeSpan Duration => FirstTimestamp is { } first && LastTimestamp is { } last ? last - first : TimeSpan.Zero;
}

/// <summary>How many frames of one type a recording has, each way.</summary>
/// <param name="Type">The frame type.</param>
/// <param name="In">Of them, with <c>"dir":"in"</c>.</param>
/// <param name="Out">Of them, with <c>"dir":"out"</c>.</param>
internal sealed record TypeCount(FrameType Type, long In, long Out)
{
    /// <summary>Both ways.</summary>
    public long Total => In + Out;
}

/// <summary>The largest frame of a recording.</summary>
/// <param name="Frame">Its 1-based position among the recording's entries (the frame number replay reports).</param>
/// <param name="Line">Its 1-based line in the file.</param>
/// <param name="Direction">Which way it went.</param>
/// <param name="Type">Its type.</param>
/// <param name="Size">Its payload in bytes (text in UTF-8; a close's 2-byte code and reason).</param>
internal sealed record LargestFrame(long Frame, long Line, Direction Direction, FrameType Type, long Size);

namespace ActorRecorder.Recording;

/// <summary>What a recording holds (ZenWebsocket's <c>metadata/1</c>), from its well-formed entries.</summary>
/// <param name="Count">Entries.</param>
/// <param name="Inbound">Entries with <c>"dir":"in"</c>.</param>
/// <param name="Outbound">Entries with <c>"dir":"out"</c>.</param>
/// <param name="FirstTimestamp">The earliest timestamp (the minimum, not the first line's); null when there are no entries.</param>
/// <param name="LastTimestamp">The latest timestamp (the maximum, not the last line's); null when there are no entries.</param>
/// <param name="Duration">From the earliest to the latest timestamp; zero when there are no entries.</param>
/// <param name="Skipped">Malformed lines that were skipped (blank lines are not counted).</param>
public sealed record RecordingMetadata(long Count, long Inbound, long Outbound, DateTime? FirstTimestamp, DateTime? LastTimestamp, TimeSpan Duration, long Skipped);

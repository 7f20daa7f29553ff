namespace ActorRecorder.Recording;

/// <summary>What a replay did.</summary>
/// <param name="Entries">Entries given to the handler.</param>
/// <param name="Skipped">Malformed lines skipped.</param>
public sealed record ReplayResult(long Entries, long Skipped);

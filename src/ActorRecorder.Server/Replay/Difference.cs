using ActorRecorder.Recording;

namespace ActorRecorder.Server.Replay;

/// <summary>An answer that is not the recorded one.</summary>
/// <param name="Number">Its 1-based position among the answers.</param>
/// <param name="Expected">The recorded answer; null when the server sent more answers than were recorded.</param>
/// <param name="Actual">The answer received; null when none came.</param>
internal sealed record Difference(int Number, ExpectedAnswer? Expected, Frame? Actual);

using ActorRecorder.Server.Recordings;

namespace ActorRecorder.Server.Replay;

/// <summary>What <c>replay</c> was asked to do.</summary>
/// <param name="Url">The WebSocket to replay to (ws:// or wss://).</param>
/// <param name="Realtime">Keep the recorded gaps between frames instead of sending as fast as possible.</param>
/// <param name="Ignore">JSONPath expressions removed from JSON answers before they are compared.</param>
/// <param name="RecordedBy">Which end made the recording, so which frames are sent and which are expected.</param>
/// <param name="Timeout">The bound on every wait: connecting, each send, the outstanding answers, the close.</param>
internal sealed record ReplaySettings(Uri Url, bool Realtime, IReadOnlyList<string> Ignore, RecordedBy RecordedBy, TimeSpan Timeout);

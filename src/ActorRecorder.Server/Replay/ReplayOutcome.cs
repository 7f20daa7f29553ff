using System.Net.WebSockets;
using ActorRecorder.Recording;

namespace ActorRecorder.Server.Replay;

/// <summary>What happened on the socket during a replay.</summary>
/// <param name="Sent">Client frames sent.</param>
/// <param name="Answers">Every message the server sent, in order.</param>
/// <param name="Interruption">Why sending stopped before the last client frame; null when every frame went out.</param>
/// <param name="CloseStatus">The server's close code, when it sent one.</param>
/// <param name="CloseDescription">The server's close reason, when it sent one.</param>
internal sealed record ReplayOutcome(long Sent, IReadOnlyList<Frame> Answers, string? Interruption, WebSocketCloseStatus? CloseStatus, string? CloseDescription);

namespace ActorRecorder.Server.Replay;

/// <summary>The replay could not open its WebSocket; the message names the URL and the reason.</summary>
internal sealed class ReplayConnectException(Uri url, Exception innerException)
    : Exception($"cannot connect to {url}: {innerException.Message}", innerException);

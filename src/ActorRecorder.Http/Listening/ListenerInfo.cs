using System.Net;

namespace ActorRecorder.Http;

/// <summary>Whether a listener takes new connections.</summary>
public enum ListenerStatus
{
    /// <summary>Serving and taking new connections.</summary>
    Accepting,

    /// <summary>Finishing what it has, taking nothing new.</summary>
    Draining,

    /// <summary>Not serving.</summary>
    Stopped,
}

/// <summary>A listener as <see cref="Listeners.StartAsync"/> and <see cref="Listeners.InfoAsync"/> report it.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Endpoint">The address and port it is bound to.</param>
/// <param name="Protocols">The HTTP versions it speaks.</param>
/// <param name="Status">Whether it takes new connections.</param>
/// <param name="ActiveConnections">Connections open now.</param>
/// <param name="WebSocketSessions">WebSocket sessions open now.</param>
/// <param name="RequestsServed">Requests answered since it started.</param>
/// <param name="Rejected">Connections and requests refused (over max-clients, limits exceeded) since it started.</param>
public sealed record ListenerInfo(
    string Name,
    IPEndPoint Endpoint,
    ListenerProtocols Protocols,
    ListenerStatus Status,
    long ActiveConnections,
    long WebSocketSessions,
    long RequestsServed,
    long Rejected)
{
    /// <summary>The port it is bound to: the one the system chose when 0 was asked.</summary>
    public int Port => Endpoint.Port;
}

using System.Net;
using ActorRecorder.Http;
using Akka.Actor;

namespace ActorRecorder.Cluster;

/// <summary>A listener of one node of the cluster, as that node last wrote it into the cluster-wide view.</summary>
/// <param name="Node">The node's address (<c>akka.tcp://actor-recorder@host:port</c>).</param>
/// <param name="Name">The listener's name, unique on its node.</param>
/// <param name="Endpoint">The address and port it is bound to.</param>
/// <param name="Status">Whether it takes new connections.</param>
/// <param name="ActiveConnections">Connections open.</param>
/// <param name="WebSocketSessions">WebSocket sessions open.</param>
/// <param name="RequestsServed">Requests answered since it started.</param>
/// <param name="Rejected">Connections and requests refused since it started.</param>
public sealed record ClusterListenerInfo(
    Address Node,
    string Name,
    IPEndPoint Endpoint,
    ListenerStatus Status,
    long ActiveConnections,
    long WebSocketSessions,
    long RequestsServed,
    long Rejected)
{
    /// <summary>The port it is bound to.</summary>
    public int Port => Endpoint.Port;

    internal static ClusterListenerInfo From(Address node, ListenerInfo info) =>
        new(node, info.Name, info.Endpoint, info.Status, info.ActiveConnections, info.WebSocketSessions, info.RequestsServed, info.Rejected);
}

using Microsoft.AspNetCore.Connections;

namespace ActorRecorder.Http;

/// <summary>
/// Kestrel's connection middleware for a listener: counts connections, refuses one over max-clients (or while the
/// listener does not accept) and counts it as rejected, and publishes roadrunner's connection events.
/// </summary>
internal static class Connections
{
    public static async Task ServeAsync(ListenerState state, ConnectionContext connection, ConnectionDelegate next)
    {
        var open = state.Counters.ConnectionOpened();
        var peer = connection.RemoteEndPoint?.ToString();
        if (open > state.Options.MaxClients || state.Status != ListenerStatus.Accepting)
        {
            state.Counters.ConnectionClosed();
            var reason = state.Status == ListenerStatus.Accepting ? "max_clients" : "not_accepting";
            state.CountRejection(reason);
            HttpTelemetry.Publish("roadrunner.listener.conn_rejected", () => Payload(state, peer, ("reason", reason)));
            connection.Abort(new ConnectionAbortedException($"Listener '{state.Name}' refused the connection: {reason}."));
            return;
        }
        HttpTelemetry.ActiveConnections.Add(1, new KeyValuePair<string, object?>("listener", state.Name));
        HttpTelemetry.Publish("roadrunner.listener.accept", () => Payload(state, peer));
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            state.Counters.ConnectionClosed();
            HttpTelemetry.ActiveConnections.Add(-1, new KeyValuePair<string, object?>("listener", state.Name));
            HttpTelemetry.Publish("roadrunner.listener.conn_close", () => Payload(state, peer));
        }
    }

    /// <summary>The client's address and port as telemetry shows it, or null.</summary>
    internal static string? PeerOf(Microsoft.AspNetCore.Http.HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip ? $"{ip}:{http.Connection.RemotePort}" : null;

    internal static IReadOnlyDictionary<string, object?> Payload(ListenerState state, string? peer, params (string Key, object? Value)[] more)
    {
        var payload = new Dictionary<string, object?>(StringComparer.Ordinal) { ["listener_name"] = state.Name, ["peer"] = peer };
        foreach (var (key, value) in more) payload[key] = value;
        return payload;
    }
}

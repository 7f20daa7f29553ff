using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ActorRecorder.Http;

/// <summary>
/// roadrunner's telemetry on .NET's mechanisms: a <see cref="DiagnosticListener"/> named <c>ActorRecorder.Http</c>
/// publishes roadrunner's events under their names (<c>roadrunner.request.start</c>, …) with payloads of roadrunner's
/// fields (<c>listener_name</c>, <c>peer</c>, <c>request_id</c>, …) as a read-only dictionary; a <see cref="System.Diagnostics.Metrics.Meter"/>
/// of the same name counts requests, connections, sessions, frames and rejections. Nothing is built when nobody listens.
/// </summary>
public static class HttpTelemetry
{
    /// <summary>The name of the <see cref="DiagnosticListener"/> and of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "ActorRecorder.Http";

    /// <summary>The events' source.</summary>
    public static DiagnosticListener Events { get; } = new(Name);

    /// <summary>The instruments' meter.</summary>
    public static Meter Meter { get; } = new(Name);

    internal static readonly Counter<long> Requests = Meter.CreateCounter<long>("actorrecorder.http.requests", "{request}", "Requests served, by listener and status.");
    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("actorrecorder.http.request.duration", "ms", "Time from a request's start to its response's end.");
    internal static readonly UpDownCounter<long> ActiveConnections = Meter.CreateUpDownCounter<long>("actorrecorder.http.connections.active", "{connection}", "Open connections.");
    internal static readonly UpDownCounter<long> ActiveSessions = Meter.CreateUpDownCounter<long>("actorrecorder.http.websocket.sessions.active", "{session}", "Open WebSocket sessions.");
    internal static readonly Counter<long> Frames = Meter.CreateCounter<long>("actorrecorder.http.websocket.frames", "{frame}", "WebSocket messages, by direction.");
    internal static readonly Counter<long> DrainAcknowledgements = Meter.CreateCounter<long>("actorrecorder.http.drain.acknowledged", "{acknowledgement}", "Drains acknowledged by handler actors.");
    internal static readonly Counter<long> Drains = Meter.CreateCounter<long>("actorrecorder.http.drains", "{drain}", "Listener drains finished, by outcome.");
    internal static readonly Counter<long> Rejections = Meter.CreateCounter<long>("actorrecorder.http.rejections", "{rejection}", "Connections, requests and frames refused, by reason.");

    /// <summary>A new request id: 16 hex characters.</summary>
    internal static string NewRequestId() => Random.Shared.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Publishes <paramref name="name"/> when someone listens; the payload is built only then.</summary>
    internal static void Publish(string name, Func<IReadOnlyDictionary<string, object?>> payload)
    {
        if (Events.IsEnabled(name)) Events.Write(name, payload());
    }
}

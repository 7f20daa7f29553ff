using System.Collections.Frozen;
using System.Diagnostics.Metrics;

namespace ActorRecorder.Http;

/// <summary>
/// Counts the requests Kestrel refuses before the listener's application sees them (408 for headers too slow, 414,
/// 431, a malformed request line or header, 505), which no code of ours runs for. Kestrel ends such a connection and
/// records it on its own <c>kestrel.connection.duration</c> with an <c>error.type</c> naming the reason; this listens to
/// that instrument of one listener's server only (its meters come from the server's own <see cref="IMeterFactory"/>).
/// Limits hit while the body is read (413, 408 for a too slow body) reach the application and are counted there.
/// </summary>
internal static class KestrelRejections
{
    private const string KestrelMeter = "Microsoft.AspNetCore.Server.Kestrel";
    private const string ConnectionDuration = "kestrel.connection.duration";

    /// <summary>Kestrel's <c>error.type</c> values for a request refused while its request line or headers were read.</summary>
    internal static readonly FrozenSet<string> BeforeTheApplication = new[]
    {
        "request_headers_timeout",
        "invalid_request_line",
        "invalid_request_headers",
        "invalid_http_version",
        "max_request_headers_total_size_exceeded",
        "max_request_header_count_exceeded",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Starts counting the rejections of the server whose meters <paramref name="meters"/> made; dispose to stop.</summary>
    public static MeterListener Listen(ListenerState state, IMeterFactory meters)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, self) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == KestrelMeter && instrument.Name == ConnectionDuration)
                    self.EnableMeasurementEvents(instrument, state);
            },
        };
        listener.SetMeasurementEventCallback<double>(static (_, _, tags, state) =>
        {
            foreach (var (key, value) in tags)
            {
                if (key != "error.type" || value is not string reason || !BeforeTheApplication.Contains(reason)) continue;
                var listener = (ListenerState)state!;
                listener.Counters.Rejection();
                HttpTelemetry.Rejections.Add(1, new("listener", listener.Name), new("reason", reason));
                return;
            }
        });
        listener.Start();
        return listener;
    }
}

using Akka.Actor;

namespace ActorRecorder.Http;

/// <summary>
/// The handler side of a drain, shared by <see cref="LoopHandler"/> and <see cref="WebSocketHandler"/>: remembers the
/// drain in flight, and acknowledges it once — to the listener, on the meter, and as roadrunner's
/// <c>roadrunner.drain.acknowledged</c> event.
/// </summary>
internal struct DrainAcknowledgement
{
    private Drain? _inFlight;

    /// <summary>A drain has arrived; it may be acknowledged (again, if an earlier one was).</summary>
    public void Received(Drain drain) => _inFlight = drain;

    /// <summary>Acknowledges the drain in flight, with or without its deadline; without one in flight it does nothing.</summary>
    public void Acknowledge(IActorContext context, HttpRequestContext request, DrainDeadline? deadline)
    {
        if (_inFlight is null) return;
        _inFlight = null;
        context.Parent.Tell(new DrainAcknowledged(context.Self, deadline), context.Self);
        HttpTelemetry.DrainAcknowledgements.Add(1, new KeyValuePair<string, object?>("listener", request.Listener));
        HttpTelemetry.Publish("roadrunner.drain.acknowledged", () =>
        {
            var payload = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["listener_name"] = request.Listener,
                ["peer"] = request.Peer?.ToString(),
                ["request_id"] = request.RequestId,
                ["system_time"] = DateTimeOffset.UtcNow,
            };
            if (deadline is { } d) payload["deadline"] = d.Utc;
            return payload;
        });
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ActorRecorder.Http.Tests.Support;
using ActorRecorder.Http.Tests.Telemetry;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Draining;

/// <summary>roadrunner's <c>[roadrunner, drain, acknowledged]</c> as the <c>roadrunner.drain.acknowledged</c> event, and the drain instruments.</summary>
public sealed class DrainTelemetrySpec(ITestOutputHelper output) : HttpSpec(output)
{
    [Fact]
    public async Task An_acknowledgement_publishes_the_event_with_the_deadline_when_it_was_given()
    {
        const string name = "telemetry-drain-ack";
        using var events = new HttpEvents(name);
        var listener = await StartAsync(name, new Routes()
            .WebSocket("/with", Props.Create(() => new DrainingSession(OnDrainMode.LastMessageThenClose, TestActor)))
            .WebSocket("/without", Props.Create(() => new DrainingSession(OnDrainMode.Close, TestActor))));
        using var with = await ConnectAsync(listener, "/with");
        using var without = await ConnectAsync(listener, "/without");
        await ReceiveAsync(with);
        await ReceiveAsync(without);
        var before = DateTimeOffset.UtcNow;
        var drain = Listeners.DrainAsync(name, Patience);
        await Task.WhenAll(DrainSpec.ReceiveUntilCloseAsync(with), DrainSpec.ReceiveUntilCloseAsync(without));
        Assert.Equal(2, (await drain).Acknowledged);

        var acks = events.Named("roadrunner.drain.acknowledged");
        Assert.Equal(2, acks.Count);
        var withDeadline = Assert.Single(acks, a => a.Payload.ContainsKey("deadline"));
        var withoutDeadline = Assert.Single(acks, a => !a.Payload.ContainsKey("deadline"));
        foreach (var ack in acks)
        {
            Assert.Equal(name, ack["listener_name"]);
            Assert.Matches(@"^127\.0\.0\.1:\d+$", Assert.IsType<string>(ack["peer"]));
            Assert.Matches("^[0-9a-f]{16}$", Assert.IsType<string>(ack["request_id"]));
            Assert.InRange(Assert.IsType<DateTimeOffset>(ack["system_time"]), before, DateTimeOffset.UtcNow);
        }
        Assert.NotEqual(withDeadline["request_id"], withoutDeadline["request_id"]);
        // The deadline is the drain's: its timeout from when it began, so an operator sees how much grace was used.
        var deadline = Assert.IsType<DateTimeOffset>(withDeadline["deadline"]);
        Assert.InRange(deadline, before + Patience - TimeSpan.FromSeconds(5), DateTimeOffset.UtcNow + Patience);
        Assert.True(deadline > (DateTimeOffset)withDeadline["system_time"]!);
    }

    [Fact]
    public async Task Acknowledgements_and_drains_are_counted_on_the_meter()
    {
        const string name = "telemetry-drain-meter";
        var counted = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HttpTelemetry.Name && instrument.Name.StartsWith("actorrecorder.http.drain", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagged = tags.ToArray();
            if (!tagged.Any(t => t.Key == "listener" && t.Value as string == name)) return;
            var outcome = tagged.FirstOrDefault(t => t.Key == "outcome").Value;
            counted.AddOrUpdate(instrument.Name + (outcome is null ? "" : $"/{outcome}"), value, (_, sum) => sum + value);
        });
        meters.Start();

        var listener = await StartAsync(name, new Routes().WebSocket("/ws", Props.Create(() => new DrainingSession(OnDrainMode.Default, TestActor))));
        using var first = await ConnectAsync(listener, "/ws");
        using var second = await ConnectAsync(listener, "/ws");
        await ReceiveAsync(first);
        await ReceiveAsync(second);
        var drain = Listeners.DrainAsync(name, Patience);
        await Task.WhenAll(DrainSpec.ReceiveUntilCloseAsync(first), DrainSpec.ReceiveUntilCloseAsync(second));
        Assert.Equal(DrainOutcome.Drained, (await drain).Outcome);
        Assert.Equal(2, counted.GetValueOrDefault("actorrecorder.http.drain.acknowledged"));
        Assert.Equal(1, counted.GetValueOrDefault("actorrecorder.http.drains/drained"));
    }
}

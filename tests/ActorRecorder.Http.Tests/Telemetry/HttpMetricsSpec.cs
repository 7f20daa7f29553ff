using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using ActorRecorder.Http.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Telemetry;

/// <summary>The instruments of the <c>ActorRecorder.Http</c> Meter, read with a MeterListener.</summary>
public sealed class HttpMetricsSpec(ITestOutputHelper output) : HttpSpec(output)
{
    // The Meter is process-wide: the listener has a name no other spec uses, and measurements are filtered on it.
    private const string Name = "telemetry-metrics";

    [Fact]
    public async Task The_requests_counter_counts_each_request_by_listener_and_status()
    {
        var requests = new ConcurrentDictionary<int, long>();
        var durations = 0L;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HttpTelemetry.Name && instrument.Name is "actorrecorder.http.requests" or "actorrecorder.http.request.duration")
                listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (Tag(tags, "listener") as string != Name) return;
            var status = Assert.IsType<int>(Tag(tags, "status"));
            requests.AddOrUpdate(status, value, (_, sum) => sum + value);
        });
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (Tag(tags, "listener") as string == Name && value >= 0) Interlocked.Increment(ref durations);
        });
        meters.Start();

        var info = await StartAsync(Name, new Routes().Map("/hello", (_, _) => Task.FromResult(HttpResponse.Text("hello")), "GET"));
        using var client = Client(info);
        Assert.Equal("hello", await client.GetStringAsync("/hello"));
        Assert.Equal("hello", await client.GetStringAsync("/hello"));
        using (var missing = await client.GetAsync("/missing"))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        await AwaitAssertAsync(() =>
        {
            Assert.Equal(2, requests.GetValueOrDefault(200));
            Assert.Equal(1, requests.GetValueOrDefault(404));
            Assert.Equal(3, Interlocked.Read(ref durations));
        }, Patience);
        Assert.Equal([200, 404], requests.Keys.Order());
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key) return tag.Value;
        }
        return null;
    }
}

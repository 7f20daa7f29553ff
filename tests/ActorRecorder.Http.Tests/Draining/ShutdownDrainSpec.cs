using System.Net.WebSockets;
using ActorRecorder.Http.Tests.Support;
using ActorRecorder.Recording;
using ActorRecorder.Testing;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Draining;

/// <summary>
/// CoordinatedShutdown drains every listener in <c>service-unbind</c>, before the OTP supervisors stop in
/// <c>service-stop</c>. Each spec terminates an actor system of its own.
/// </summary>
public sealed class ShutdownDrainSpec(ITestOutputHelper output) : HttpSpec(output)
{
    [Fact]
    public async Task Terminating_the_system_drains_every_listener_and_each_recording_ends_with_the_drains_close()
    {
        using var directory = new TempDirectory();
        var system = NewSystem("");
        var listeners = Listeners.Get(system);
        var routes = new Routes().WebSocket("/ws", Props.Create(() => new DrainingSession(OnDrainMode.LastMessageThenClose, ActorRefs.Nobody)));
        var first = await listeners.StartAsync("first", new ListenerOptions { Port = 0, Routes = routes, RecordTo = directory.Path });
        var second = await listeners.StartAsync("second", new ListenerOptions { Port = 0, Routes = routes, RecordTo = directory.Path });
        using var one = await ConnectAsync(first, "/ws");
        using var two = await ConnectAsync(second, "/ws");
        Assert.Equal("ready", (await ReceiveAsync(one)).Text);
        Assert.Equal("ready", (await ReceiveAsync(two)).Text);
        var closes = Task.WhenAll(DrainSpec.ReceiveUntilCloseAsync(one), DrainSpec.ReceiveUntilCloseAsync(two));

        await system.Terminate().WaitAsync(Patience);

        // Drained, not stopped: the handlers' own last words and 1001, where a supervisor's stop would close with 1000.
        Assert.All(await closes, c =>
        {
            Assert.Equal(["last words"], c.Messages);
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, c.Status);
        });
        foreach (var name in new[] { "first", "second" })
        {
            var file = Assert.Single(Directory.GetFiles(Path.Combine(directory.Path, name), "*.jsonl"));
            var entries = new List<RecordedEntry>();
            await foreach (var entry in RecordingReader.ReadAsync(file)) entries.Add(entry);
            Assert.Equal(
                [(Direction.Out, Frame.Text("ready")), (Direction.Out, Frame.Text("last words")), (Direction.Out, Frame.Close(1001, "bye"))],
                entries.Take(3).Select(e => (e.Direction, e.Frame)));
            Assert.Equal((Direction.In, FrameType.Close), (entries[^1].Direction, entries[^1].Type));
        }
    }

    [Fact]
    public async Task The_service_unbind_phase_lasts_at_least_the_configured_drain_timeout()
    {
        var system = NewSystem("actor-recorder.drain.timeout = 42s");
        try
        {
            Assert.Equal(TimeSpan.FromSeconds(42), Listeners.Get(system).ShutdownDrainTimeout);
            Assert.True(CoordinatedShutdown.Get(system).Timeout(CoordinatedShutdown.PhaseServiceUnbind) >= TimeSpan.FromSeconds(42));
        }
        finally
        {
            await system.Terminate().WaitAsync(Patience);
        }
        var defaults = NewSystem("");
        try
        {
            Assert.Equal(TimeSpan.FromSeconds(10), Listeners.Get(defaults).ShutdownDrainTimeout);
            Assert.True(CoordinatedShutdown.Get(defaults).Timeout(CoordinatedShutdown.PhaseServiceUnbind) >= TimeSpan.FromSeconds(10));
        }
        finally
        {
            await defaults.Terminate().WaitAsync(Patience);
        }
    }

    [Fact]
    public async Task A_drain_still_running_when_the_phase_runs_out_is_reported_and_the_system_still_terminates()
    {
        var system = NewSystem("""
            actor-recorder.drain.timeout = 30s
            akka.coordinated-shutdown.phases.service-unbind.timeout = 1s
            """);
        var warnings = CreateTestProbe();
        system.EventStream.Subscribe(warnings, typeof(Warning));
        var listeners = Listeners.Get(system);
        ExpectWarning(warnings, "Draining the listeners");  // the phase is shorter than the drain, and the log says so
        var info = await listeners.StartAsync("late", new ListenerOptions
        {
            Port = 0,
            Routes = new Routes().WebSocket("/ws", Props.Create(() => new DrainingSession(OnDrainMode.Ignore, TestActor))),
        });
        using var socket = await ConnectAsync(info, "/ws");
        Assert.Equal("ready", (await ReceiveAsync(socket)).Text);

        var closed = DrainSpec.ReceiveUntilCloseAsync(socket);
        var terminated = system.Terminate();
        ExpectMsg("drain ignored");
        ExpectWarning(warnings, "Listener 'late' was still draining");
        await terminated.WaitAsync(Patience);
        // The supervisors stopped the listener in service-stop, and its session with it: its handler stopped, not cut.
        Assert.Equal(WebSocketCloseStatus.NormalClosure, (await closed).Status);
    }

    [Fact]
    public async Task A_drain_timeout_that_is_not_a_duration_is_named_with_its_value()
    {
        var system = NewSystem("actor-recorder.drain.timeout = soon");
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => Listeners.Get(system));
            var message = string.Join(" | ", Chain(error).Select(e => e.Message));
            Assert.Contains("actor-recorder.drain.timeout = 'soon'", message, StringComparison.Ordinal);
        }
        finally
        {
            await system.Terminate().WaitAsync(Patience);
        }
    }

    private ActorSystem NewSystem(string config) =>
        ActorSystem.Create($"drain-{Guid.NewGuid():N}", ConfigurationFactory.ParseString(config).WithFallback(ConfigurationFactory.ParseString(SpecConfig.Text)));

    private static void ExpectWarning(Akka.TestKit.TestProbe probe, string start) =>
        probe.FishForMessage<Warning>(w => w.Message.ToString()!.StartsWith(start, StringComparison.Ordinal), TimeSpan.FromSeconds(20));

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException) yield return error;
    }
}

using System.Collections.Concurrent;
using System.Net.WebSockets;
using ActorRecorder.Hosting.Tests.Support;
using ActorRecorder.Otp;
using ActorRecorder.Recording;
using ActorRecorder.Testing;
using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Hosting.Tests.Shutdown;

/// <summary>
/// The host's stop runs Akka's CoordinatedShutdown (Akka.Hosting does): the listeners drain in service-unbind, the OTP
/// supervisors stop in service-stop, the recorders flush before the system terminates.
/// </summary>
public sealed class HostStopSpec(ITestOutputHelper output) : HostSpec(output)
{
    [Fact]
    public async Task A_recorded_session_open_at_host_stop_is_drained_with_1001_and_its_recording_ends_with_the_close()
    {
        using var recordings = new TempDirectory();
        var host = await StartHostAsync(akka => akka
            .WithRecording(recordings.Path)
            .WithListener("live", 0, SpecRoutes.Hello()));
        var system = SystemOf(host);
        using var socket = await ConnectAsync(await PortOfAsync(host, "live"), "/ws");
        Assert.Equal("ready", await ReceiveTextAsync(socket));
        await SendTextAsync(socket, "still here");
        Assert.Equal("still here", await ReceiveTextAsync(socket));
        var closed = ReceiveTextAsync(socket); // answers the server's close

        await host.StopAsync().WaitAsync(Patience);

        Assert.Null(await closed.WaitAsync(Patience));
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus); // 1001: drained, not stopped (1000)
        Assert.True(system.WhenTerminated.IsCompleted);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(recordings.Path, "live"), "*.jsonl"));
        var entries = new List<RecordedEntry>();
        await foreach (var entry in RecordingReader.ReadAsync(file)) entries.Add(entry);
        Assert.Equal(
            [(Direction.Out, Frame.Text("ready")), (Direction.In, Frame.Text("still here")), (Direction.Out, Frame.Text("still here"))],
            entries.Take(3).Select(e => (e.Direction, e.Frame)));
        Assert.Equal((Direction.Out, Frame.Close(1001, "server draining")), (entries[3].Direction, entries[3].Frame));
        Assert.Equal((Direction.In, FrameType.Close), (entries[^1].Direction, entries[^1].Type));
    }

    [Fact]
    public async Task Akkas_log_goes_to_the_hosts_logger_factory()
    {
        var host = await StartHostAsync(akka => akka.WithActorRecorder());

        SystemOf(host).Log.Info("a line from the actor system");

        var line = await Log.WaitForAsync((_, message) => message.EndsWith("a line from the actor system", StringComparison.Ordinal), Patience);
        Assert.Contains("[INFO]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loggers_the_application_configured_before_are_kept()
    {
        var host = await StartHostAsync(akka => akka
            .ConfigureLoggers(loggers => loggers.ClearLoggers().AddDefaultLogger())
            .WithActorRecorder());

        var loggers = SystemOf(host).Settings.Config.GetStringList("akka.loggers");
        Assert.Equal([typeof(Akka.Event.DefaultLogger).AssemblyQualifiedName], loggers);
    }

    [Fact]
    public async Task The_listeners_drain_first_then_the_supervisors_stop_in_OTP_order_before_the_system_terminates()
    {
        var host = await StartHostAsync(akka => akka.WithListener("first", 0, SpecRoutes.Hello()).WithListener("second", 0, SpecRoutes.Hello()));
        var system = SystemOf(host);
        var root = await host.Services.GetRequiredService<IRequiredActor<RootSupervisorKey>>().GetAsync().WaitAsync(Patience);
        var children = await root.WhichChildrenAsync().WaitAsync(Patience);
        var listeners = children.Single(c => c.Id == "listeners").Child!;
        var recorders = children.Single(c => c.Id == "recorders").Child!;
        var seen = new ConcurrentQueue<string>();
        // What each phase finds, noted as it runs: the order of the notes is the order of the shutdown.
        await recorders.StartChildAsync([Props.Create(() => new StopObserver(listeners, seen))]).WaitAsync(Patience);
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "spec-after-unbind", async () =>
        {
            var left = await listeners.WhichChildrenAsync().ConfigureAwait(false);
            seen.Enqueue($"after service-unbind: {left.Count} listeners, supervisors running {!Terminated(root) && !Terminated(recorders)}");
            return Done.Instance;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "spec-before-terminate", () =>
        {
            seen.Enqueue($"before the system terminates: root stopped {Terminated(root)}");
            return Task.FromResult(Done.Instance);
        });

        await host.StopAsync().WaitAsync(Patience);

        Assert.Equal(
            [
                "after service-unbind: 0 listeners, supervisors running True",         // drained and removed first
                "a recorder stops: the listeners supervisor is still running True",   // recorders (started last) stop first
                "before the system terminates: root stopped True",                    // the tree stopped in service-stop
            ],
            seen);
    }

    /// <summary>
    /// Whether <paramref name="actor"/> has terminated, at this instant. Akka marks <c>IsTerminated</c> obsolete in favour
    /// of a watch, but a watch answers later, and a phase or a PostStop needs the answer now.
    /// </summary>
#pragma warning disable CS0618
    private static bool Terminated(IActorRef actor) => ((IInternalActorRef)actor).IsTerminated;
#pragma warning restore CS0618

    /// <summary>A child of <c>recorders</c> that notes, as it stops, whether the <c>listeners</c> supervisor still runs.</summary>
    private sealed class StopObserver(IActorRef listeners, ConcurrentQueue<string> seen) : ReceiveActor
    {
        protected override void PostStop() => seen.Enqueue($"a recorder stops: the listeners supervisor is still running {!Terminated(listeners)}");
    }
}

using System.Runtime.InteropServices;
using Akka.Actor;
using Akka.Configuration;
using ActorRecorder.Recording;

namespace ActorRecorder.Http.TestHost;

/// <summary>
/// A listener in a process of its own, for the specs that signal a process: <c>--record-to &lt;dir&gt;</c> starts
/// listener <c>host</c> on 127.0.0.1, on a port the system picks, with a recorded WebSocket echo at <c>/ws/echo</c>;
/// prints <c>listening on http://127.0.0.1:&lt;port&gt; (listener host)</c>; and on SIGTERM or SIGINT runs the actor
/// system's CoordinatedShutdown (the listener drains, the supervisors stop, the recorders flush), prints
/// <c>terminated</c> and exits 0.
/// </summary>
public static class Program
{
    // The listener's name: its sessions are recorded under <dir>/host/.
    private const string ListenerName = "host";

    // The log goes to stdout too (Akka's default logger), so the drain's outcome, which DrainOnShutdown logs at INFO,
    // is in what the host prints. Akka 1.5.75's own CLR hook (run-by-clr-shutdown-hook) registers SIGTERM and SIGINT
    // too, and blocks the runtime's signal thread until the shutdown ends: off, so that the host's handler is the one
    // path from a signal to CoordinatedShutdown.
    private const string Config = """
        akka.loglevel = INFO
        akka.stdout-loglevel = INFO
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        """;

    /// <summary>Runs the host until SIGTERM or SIGINT; 0 once the actor system has terminated, 2 on bad arguments.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["--record-to", var recordTo])
        {
            await Console.Error.WriteLineAsync("usage: ActorRecorder.Http.TestHost --record-to <dir>").ConfigureAwait(false);
            return 2;
        }
        var system = ActorSystem.Create("drain-host", ConfigurationFactory.ParseString(Config));
        // Listeners first: it raises the service-unbind phase's timeout to fit the drain, which it can only do before
        // CoordinatedShutdown is created.
        var listeners = Listeners.Get(system);
        var shutdown = CoordinatedShutdown.Get(system);

        // Left to the runtime, SIGTERM and SIGINT end the process at once (SIGTERM: exit 143, and .NET 10 raises no
        // ProcessExit). Cancelled, they leave it running: CoordinatedShutdown drains the listener, stops the
        // supervisors, flushes the recorders and terminates the system, and Main returns 0 once it has. Registered
        // before the listener starts, so a signal sent after the "listening on" line is always handled. The handler
        // only starts the shutdown and returns; Main is what waits for it.
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            _ = shutdown.Run(CoordinatedShutdown.ClrExitReason.Instance);
        }
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);

        // The handler keeps the default OnDrain: acknowledge the drain and close with 1001.
        var routes = new Routes().WebSocket<EchoSession>("/ws/echo", recordTo);
        var listener = await listeners.StartAsync(ListenerName, new ListenerOptions { Port = 0, Routes = routes }).ConfigureAwait(false);
        Console.Out.WriteLine($"listening on http://127.0.0.1:{listener.Port} (listener {ListenerName})");
        Console.Out.Flush(); // the spec waits for this line before it connects

        await system.WhenTerminated.ConfigureAwait(false);
        Console.Out.WriteLine("terminated");
        Console.Out.Flush();
        return 0;
    }
}

/// <summary>Echoes every message back; a drain gets <see cref="WebSocketHandler"/>'s default answer (acknowledge, close 1001).</summary>
public sealed class EchoSession : WebSocketHandler
{
    /// <inheritdoc />
    protected override void HandleFrame(Frame frame) => Send(frame);
}

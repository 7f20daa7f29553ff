using System.Net.WebSockets;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Http;
using Akka.Actor;

namespace ActorRecorder.Benchmarks.Http;

/// <summary>
/// Managed heap per open, idle WebSocket session on the server side: handler actor, session, Kestrel connection and socket.
/// </summary>
/// <remarks>
/// The clients live in this process too, so each run measures two heap deltas (GC.GetTotalMemory after full blocking
/// collections, before and after opening <see cref="Sessions"/> ClientWebSockets, one session opened first for the
/// per-listener parts): to a listener whose handler does nothing (server and clients), and to a
/// <see cref="HandshakeOnlyServer"/> that holds nothing after the upgrade (clients alone). The figure is their
/// difference / <see cref="Sessions"/>. Neither side sends keep-alive pings during the measurement.
/// </remarks>
public static class IdleSessionBenchmark
{
    public const string Name = "ws_idle_session_bytes";
    public const int Sessions = 1_000;
    private const string Path = "/ws/idle";

    public static Figure Run() => Measure.Median(Name, "B", Once,
        $"(heap delta with {Sessions} idle sessions open to a listener whose handler does nothing − heap delta of the same {Sessions} ClientWebSockets to a handshake-only server that keeps nothing) / {Sessions}; target ≤ 16 KiB");

    private static double Once()
    {
        var clients = ClientsAlone();
        var both = ServerAndClients();
        return (both - clients) / (double)Sessions;
    }

    private static long ClientsAlone()
    {
        using var server = new HandshakeOnlyServer();
        var url = new Uri($"ws://127.0.0.1:{server.Port}{Path}");
        return HeapDelta(url, () => server.Handshakes);
    }

    private static long ServerAndClients()
    {
        var started = new IdleHandler.Started();
        var routes = new Routes().WebSocket(Path, Props.Create(() => new IdleHandler(started)));
        // Room for every session and the first: the default max-clients is 150.
        using var listener = BenchListener.Start("ws-idle", routes, maxClients: Sessions + 100);
        return HeapDelta(listener.Url("ws", Path), () => Math.Min(started.Count, (int)listener.Current().WebSocketSessions));
    }

    /// <summary>Heap growth from opening <see cref="Sessions"/> sessions, once <paramref name="ready"/> counts them all on the server's side.</summary>
    private static long HeapDelta(Uri url, Func<int> ready)
    {
        var first = LoadGenerator.Connect(url, 1);
        ClientWebSocket[]? sockets = null;
        try
        {
            LoadGenerator.WaitForSessions(() => ready() >= 1);
            Measure.Collect();
            var before = GC.GetTotalMemory(true);
            sockets = LoadGenerator.Connect(url, Sessions);
            LoadGenerator.WaitForSessions(() => ready() >= Sessions + 1);
            Thread.Sleep(200); // the last sessions' tasks reach their pending receive
            Measure.Collect();
            var after = GC.GetTotalMemory(true);
            GC.KeepAlive(sockets);
            return after - before;
        }
        finally
        {
            LoadGenerator.Close(first);
            if (sockets is not null) LoadGenerator.Close(sockets);
        }
    }
}

using System.Net.WebSockets;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Http;
using Akka.Actor;

namespace ActorRecorder.Benchmarks.Http;

/// <summary>
/// Ending 10 000 open WebSocket sessions: by draining their listener, against stopping it, measured interleaved in the
/// same run. The handler (<see cref="IdleHandler"/>) keeps the default <c>OnDrain</c>, so each acknowledges at once and
/// closes with 1001; a stopped listener stops its handler actors all at once, each closing with 1000. Either way the
/// clients (<see cref="SessionClients"/>, in a process of their own) answer each close at once, and the clock stops
/// when the call returns: every connection closed and the listener removed. A run that ends otherwise fails.
/// </summary>
public static class DrainBenchmark
{
    public const string Name = "drain_10000_sessions_ms";
    public const string StopName = "stop_10000_sessions_ms";
    public const string RatioName = "drain_10000_sessions_vs_stop";
    public const int Sessions = 10_000;
    private const string Path = "/ws/drain";

    /// <summary>The drain's deadline, far beyond what it takes: a drain that reaches it fails the run rather than being timed.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    public static IReadOnlyList<Figure> Run() => Paired.Measure(RatioName,
        new Workload(Name, "ms", Drain,
            $"Listeners.DrainAsync of a listener with {Sessions} open WebSocket sessions whose handlers acknowledge at once (the default OnDrain: close 1001), until it answers Drained"),
        new Workload(StopName, "ms", Stop,
            $"Listeners.StopAsync of the same listener with {Sessions} open sessions: the handler actors stopped all at once (close 1000), until it answers"),
        "none (time: lower is faster; what the drain's fan-out and acknowledgements cost over a stop)");

    private static double Drain() => Timed("ws-drain", WebSocketCloseStatus.EndpointUnavailable, system =>
    {
        var result = BenchSystem.Await(Listeners.Get(system).DrainAsync(BenchListener.Name, Deadline));
        if (result is not { Outcome: DrainOutcome.Drained, Remaining: 0 } || result.Acknowledged != Sessions)
            throw new InvalidOperationException($"Expected the drain to end Drained with {Sessions} acknowledgements and none cut, got {result}.");
    });

    private static double Stop() => Timed("ws-stop", WebSocketCloseStatus.NormalClosure, system =>
    {
        if (!BenchSystem.Await(Listeners.Get(system).StopAsync(BenchListener.Name)))
            throw new InvalidOperationException($"Listener '{BenchListener.Name}' was not there to stop.");
    });

    /// <summary>
    /// Opens <see cref="Sessions"/> sessions, times <paramref name="end"/> of their listener, then checks that the server
    /// closed every one with <paramref name="expected"/>.
    /// </summary>
    private static double Timed(string system, WebSocketCloseStatus expected, Action<ActorSystem> end)
    {
        var started = new IdleHandler.Started();
        var routes = new Routes().WebSocket(Path, Props.Create(() => new IdleHandler(started)));
        // Room for every session: the default max-clients is 150.
        using var listener = BenchListener.Start(system, routes, maxClients: Sessions + 100);
        using var clients = SessionClients.Open(listener.Url("ws", Path), Sessions);
        LoadGenerator.WaitForSessions(() => started.Count >= Sessions && listener.Current().WebSocketSessions >= Sessions);
        // Collected now, the opening's garbage is not collected on the close's clock.
        Measure.Collect();
        var elapsed = Measure.Time(() => end(listener.System));
        clients.ExpectAllClosed(expected);
        return elapsed.TotalMilliseconds;
    }
}

using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Http;

namespace ActorRecorder.Benchmarks.Http;

/// <summary>
/// GET /hello answered "hello" by a listener's request handler, against a bare Kestrel app giving the same response,
/// measured interleaved in the same run: what the listener (connection counting, routing, telemetry, the handler call) costs.
/// </summary>
public static class HelloBenchmarks
{
    public const string Name = "hello_listener_rps";
    public const string RawName = "hello_raw_kestrel_rps";
    public const string RatioName = "hello_listener_vs_raw_kestrel";
    public const int Connections = 8;
    public const int Requests = 40_000;

    public static IReadOnlyList<Figure> Run() => Paired.Measure(RatioName,
        new Workload(Name, "req/s", Listener, $"{Requests} GET /hello over {Connections} keep-alive connections, one loop each, to a listener's request handler (HttpResponse.Text)"),
        new Workload(RawName, "req/s", Raw, $"the same requests to a bare Kestrel app (CreateSlimBuilder, logging cleared, app.Run writing the same response)"),
        "≥ 0.9");

    private static double Listener()
    {
        var routes = new Routes().Map("/hello", (_, _) => Task.FromResult(HttpResponse.Text("hello")), "GET");
        using var listener = BenchListener.Start("http-hello", routes);
        return LoadGenerator.Requests(listener.Url("http", "/hello"), Connections, Requests, "hello");
    }

    private static double Raw()
    {
        using var kestrel = RawKestrel.HelloApp();
        return LoadGenerator.Requests(kestrel.Url("http", "/hello"), Connections, Requests, "hello");
    }
}

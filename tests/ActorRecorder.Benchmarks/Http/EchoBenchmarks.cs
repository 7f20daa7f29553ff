using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Http;

namespace ActorRecorder.Benchmarks.Http;

/// <summary>
/// 64-byte text messages echoed over WebSockets, one in flight per connection: by a bare Kestrel loop, by a
/// <see cref="WebSocketHandler"/> actor behind a listener, and by the same listener recording every session.
/// Two pairs, each measured interleaved in its own run: handler against raw Kestrel, recorded against handler.
/// </summary>
public static class EchoBenchmarks
{
    public const string RawName = "ws_echo_raw_kestrel_msgs";
    public const string HandlerName = "ws_echo_handler_msgs";
    public const string RecordedName = "ws_echo_recorded_msgs";
    public const string HandlerRatioName = "ws_echo_handler_vs_raw_kestrel";
    public const string RecordedRatioName = "ws_echo_recorded_vs_handler";
    public const int Connections = 8;
    public const int Messages = 40_000;
    public const int Size = 64;
    private const string Path = "/ws/echo";

    private static readonly string Load = $"{Messages} {Size}-byte text messages echoed over {Connections} WebSockets, one in flight per connection";

    public static IReadOnlyList<Figure> HandlerVsRaw() => Paired.Measure(HandlerRatioName,
        new Workload(HandlerName, "msgs/s", () => Listener(record: false), $"{Load}, by a WebSocketHandler actor (Send(frame)) behind a listener"),
        new Workload(RawName, "msgs/s", Raw, $"{Load}, by a bare Kestrel app: UseWebSockets() and a receive/send loop"),
        "≥ 0.8");

    public static IReadOnlyList<Figure> RecordedVsHandler() => Paired.Measure(RecordedRatioName,
        new Workload(RecordedName, "msgs/s", () => Listener(record: true), $"{Load}, by the same listener with RecordTo set (a recording per session, in a temp directory)"),
        new Workload(HandlerName, "msgs/s", () => Listener(record: false), $"{Load}, by the same listener, not recording"),
        "≥ 0.9 (recording costs ≤ 10 %)");

    private static double Listener(bool record)
    {
        using var listener = BenchListener.Start(record ? "ws-echo-recorded" : "ws-echo", new Routes().WebSocket<EchoHandler>(Path), record);
        var rate = LoadGenerator.Echo(listener.Url("ws", Path), Connections, Messages, Size);
        if (record) ExpectRecordings(listener);
        return rate;
    }

    /// <summary>A recorded run must have recorded: one file per session, once the sessions have ended.</summary>
    private static void ExpectRecordings(BenchListener listener)
    {
        var deadline = DateTime.UtcNow + LoadGenerator.Patience;
        while (listener.Current().WebSocketSessions > 0 && DateTime.UtcNow < deadline) Thread.Sleep(10);
        var files = listener.Recordings();
        if (files.Length != Connections || files.Any(f => new FileInfo(f).Length == 0))
            throw new InvalidOperationException($"Expected {Connections} non-empty recordings, found {files.Length}.");
    }

    private static double Raw()
    {
        using var kestrel = RawKestrel.EchoApp();
        return LoadGenerator.Echo(kestrel.Url("ws", Path), Connections, Messages, Size);
    }
}

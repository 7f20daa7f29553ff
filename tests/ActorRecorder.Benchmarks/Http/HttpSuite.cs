using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Http;

/// <summary>
/// The <c>http</c> suite: listeners against bare Kestrel on 127.0.0.1, with the load generated in process
/// (<see cref="LoadGenerator"/>), each pair measured interleaved in the same run; every run starts and stops its own
/// system or Kestrel app. Targets: hello_listener_vs_raw_kestrel ≥ 0.9, ws_echo_handler_vs_raw_kestrel ≥ 0.8,
/// ws_echo_recorded_vs_handler ≥ 0.9, ws_idle_session_bytes ≤ 16 KiB. drain_10000_sessions_ms is timed against
/// stop_10000_sessions_ms, without a target; its 10 000 clients run in a child process (<see cref="SessionClients"/>).
/// </summary>
public static class HttpSuite
{
    public static IEnumerable<Figure> Run(Func<string, bool> selected)
    {
        if (Any(selected, HelloBenchmarks.RawName, HelloBenchmarks.Name, HelloBenchmarks.RatioName))
        {
            foreach (var f in HelloBenchmarks.Run()) yield return f;
        }
        var handlerVsRaw = Any(selected, EchoBenchmarks.RawName, EchoBenchmarks.HandlerName, EchoBenchmarks.HandlerRatioName);
        if (handlerVsRaw)
        {
            foreach (var f in EchoBenchmarks.HandlerVsRaw()) yield return f;
        }
        if (Any(selected, EchoBenchmarks.RecordedName, EchoBenchmarks.RecordedRatioName))
        {
            // The handler's figure is printed once: from the first pair when it ran.
            foreach (var f in EchoBenchmarks.RecordedVsHandler())
            {
                if (!(handlerVsRaw && f.Name == EchoBenchmarks.HandlerName)) yield return f;
            }
        }
        if (selected(IdleSessionBenchmark.Name)) yield return IdleSessionBenchmark.Run();
        if (Any(selected, DrainBenchmark.StopName, DrainBenchmark.Name, DrainBenchmark.RatioName))
        {
            foreach (var f in DrainBenchmark.Run()) yield return f;
        }
    }

    private static bool Any(Func<string, bool> selected, params string[] names) => names.Any(selected);
}

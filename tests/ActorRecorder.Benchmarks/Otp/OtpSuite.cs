using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Otp;

/// <summary>
/// The <c>otp</c> suite: OTP supervision on Akka.NET against Akka's own mechanisms, each pair measured interleaved in
/// the same run. Targets: in-place restarts ≥ 0.9 of Akka's stock strategy, recreated ≥ 0.5, the message path to a
/// supervised child ≥ 0.97, Call ≤ 1.5 × Ask, a Call to a dead actor failing within 5 ms.
/// </summary>
public static class OtpSuite
{
    public static IEnumerable<Figure> Run(Func<string, bool> selected)
    {
        if (selected("otp_restart_inplace")) foreach (var f in RestartBenchmarks.InPlace()) yield return f;
        if (selected("otp_restart_recreate")) foreach (var f in RestartBenchmarks.Recreate()) yield return f;
        if (selected("otp_restart_recreate_vs_akka_recreate")) foreach (var f in RestartBenchmarks.RecreateFloor()) yield return f;
        if (selected("otp_group_restart")) foreach (var f in RestartBenchmarks.Group()) yield return f;
        if (selected("otp_shutdown")) foreach (var f in ShutdownBenchmarks.Run()) yield return f;
        if (selected("otp_child_msgs")) foreach (var f in MessageBenchmarks.Run()) yield return f;
        if (selected("call_us")) foreach (var f in CallBenchmarks.Live()) yield return f;
        if (selected("call_noproc")) foreach (var f in CallBenchmarks.NoProc()) yield return f;
    }
}

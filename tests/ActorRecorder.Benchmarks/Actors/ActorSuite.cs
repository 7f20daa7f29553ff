using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Benchmarks.Supervision;

namespace ActorRecorder.Benchmarks.Actors;

/// <summary>The <c>actors</c> suite: the kernel's figures and their targets.</summary>
public static class ActorSuite
{
    public static IEnumerable<Figure> Run(Func<string, bool> selected)
    {
        if (selected("pingpong_P1")) yield return PingPong.Run(1);
        if (selected("pingpong_P8")) yield return PingPong.Run(8);
        if (selected("pingpong_P64")) yield return PingPong.Run(64);
        if (selected("fanin")) yield return FanIn.Run();
        if (selected("ask_roundtrip")) yield return AskRoundtrip.Run();
        if (selected("spawn"))
        {
            foreach (var figure in Spawn.Run()) yield return figure;
        }
        if (selected("restart"))
        {
            yield return Restarts.Run();
            yield return Restarts.Baseline();
        }
        if (selected("supervisor_restart")) yield return SupervisorBenchmarks.Restart();
        if (selected("supervisor_shutdown")) yield return SupervisorBenchmarks.Shutdown();
    }
}

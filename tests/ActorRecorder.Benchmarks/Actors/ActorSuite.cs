using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Benchmarks.Supervision;

namespace ActorRecorder.Benchmarks.Actors;

/// <summary>The <c>actors</c> suite: the kernel's figures and their targets.</summary>
public static class ActorSuite
{
    public static IEnumerable<Figure> Run(Func<string, bool> selected)
    {
        if (selected("pingpong_P1"))
        {
            var actors = PingPong.Run(1);
            yield return actors;
            var channels = Baselines.PingPong();
            yield return channels;
            yield return Baselines.Ratio("pingpong_P1_vs_channels", actors, channels);
        }
        if (selected("pingpong_P8")) yield return PingPong.Run(8);
        if (selected("pingpong_P64")) yield return PingPong.Run(64);
        if (selected("fanin"))
        {
            var actors = FanIn.Run();
            yield return actors;
            var channels = Baselines.FanIn();
            yield return channels;
            yield return Baselines.Ratio("fanin_vs_channels", actors, channels);
        }
        if (selected("ask_roundtrip"))
        {
            var ask = AskRoundtrip.Run();
            yield return ask;
            var channel = Baselines.Roundtrip();
            yield return channel;
            yield return Baselines.Ratio("ask_roundtrip_vs_channel", ask, channel, lowerIsBetter: true);
        }
        if (selected("spawn"))
        {
            foreach (var figure in Spawn.Run()) yield return figure;
        }
        if (selected("restart"))
        {
            var restarts = Restarts.Run();
            yield return restarts;
            var throws = Restarts.Baseline();
            yield return throws;
            yield return Baselines.Ratio("restart_vs_throw_catch", restarts, throws);
        }
        if (selected("supervisor_restart")) yield return SupervisorBenchmarks.Restart();
        if (selected("supervisor_shutdown")) yield return SupervisorBenchmarks.Shutdown();
    }
}

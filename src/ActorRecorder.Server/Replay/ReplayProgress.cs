using ActorRecorder.Server.Cli;
using Spectre.Console;

namespace ActorRecorder.Server.Replay;

/// <summary>The progress bar of a long replay, on stderr, only when stderr is a terminal.</summary>
internal static class ReplayProgress
{
    /// <summary>From this many frames to send, a replay is long enough to show its progress.</summary>
    public const long LongReplay = 100;

    /// <summary>A bar helps on a terminal, for many frames or for a replay in real time (which takes as long as the session did).</summary>
    public static bool Shows(bool terminal, long frames, bool realtime) => terminal && (frames >= LongReplay || realtime);

    /// <summary>Runs <paramref name="work"/>, giving it the action to call after each frame sent.</summary>
    public static async Task<T> RunAsync<T>(TextWriter stderr, long frames, bool realtime, Func<Action, Task<T>> work)
    {
        if (!Shows(Terminal.IsTerminal(stderr), frames, realtime)) return await work(() => { }).ConfigureAwait(false);
        return await Terminal.Over(stderr).Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Replaying", maxValue: frames);
                return await work(() => task.Increment(1)).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }
}

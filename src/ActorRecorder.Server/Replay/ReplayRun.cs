using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Recordings;

namespace ActorRecorder.Server.Replay;

/// <summary>The <c>replay</c> command from start to exit code: read the script, replay, compare, report.</summary>
internal static class ReplayRun
{
    public static async Task<int> RunAsync(string path, ReplaySettings settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var input = RecordingInput.Open(path);
        var script = await ReplayScript.LoadAsync(input, settings.RecordedBy, cancellationToken).ConfigureAwait(false);
        await input.WarnSkippedAsync(stderr).ConfigureAwait(false);

        var outcome = await ReplayProgress.RunAsync(stderr, script.Requests, settings.Realtime,
            sent => WebSocketReplay.RunAsync(input, script, settings, sent, cancellationToken)).ConfigureAwait(false);

        var differences = new AnswerComparer(new IgnoredPaths(settings.Ignore)).Compare(script.Expected, outcome.Answers);
        await ReplayReport.WriteAsync(stdout, path, settings, script, outcome, differences).ConfigureAwait(false);
        return differences.Count > 0 || outcome.Interruption is not null ? ExitCodes.Difference : ExitCodes.Success;
    }
}

using System.Globalization;

namespace ActorRecorder.Server.Replay;

/// <summary>The replay's report: a summary line, then each answer that differs with its number, expected and actual.</summary>
internal static class ReplayReport
{
    public static async Task WriteAsync(TextWriter output, string file, ReplaySettings settings, ReplayScript script, ReplayOutcome outcome, IReadOnlyList<Difference> differences)
    {
        await output.WriteLineAsync(
            $"Replayed '{file}' to {settings.Url} (recorded by the {Word(settings.RecordedBy)}): sent {N(outcome.Sent)} of {N(script.Requests)} frames, "
            + $"expected {N(script.Expected.Count)} answers, received {N(outcome.Answers.Count)}.").ConfigureAwait(false);
        if (outcome.Interruption is { } interruption)
            await output.WriteLineAsync($"Sending stopped after frame {N(outcome.Sent)} of {N(script.Requests)}: {interruption}.").ConfigureAwait(false);

        foreach (var d in differences)
        {
            var where = d.Expected is { } e ? $"Answer {N(d.Number)} (frame {N(e.FrameNumber)}, line {N(e.Line)})" : $"Answer {N(d.Number)}";
            var what = (d.Expected, d.Actual) switch
            {
                (null, _) => "was not recorded",
                (_, null) => "is missing",
                _ => "differs",
            };
            await output.WriteLineAsync($"{where} {what}:").ConfigureAwait(false);
            await output.WriteLineAsync($"  expected: {(d.Expected is { } x ? FrameDisplay.Of(x.Content) : "nothing (the recording has no such answer)")}").ConfigureAwait(false);
            await output.WriteLineAsync($"  actual:   {(d.Actual is { } y ? FrameDisplay.Of(y) : $"nothing (no answer within {settings.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s)")}").ConfigureAwait(false);
            if (d.Expected is { } ex && d.Actual is { } ac && FrameDisplay.FirstDifference(ex.Content, ac) is { } at)
                await output.WriteLineAsync($"  first difference at character {N(at + 1)}").ConfigureAwait(false);
        }

        var total = Math.Max(script.Expected.Count, outcome.Answers.Count);
        if (differences.Count > 0) await output.WriteLineAsync($"{N(differences.Count)} of {N(total)} answers differ.").ConfigureAwait(false);
        else if (outcome.Interruption is null) await output.WriteLineAsync($"No differences: all {N(total)} answers match.").ConfigureAwait(false);
    }

    private static string Word(Recordings.RecordedBy side) => side == Recordings.RecordedBy.Server ? "server" : "client";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.CommandLine;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Inspection;
using ActorRecorder.Server.Recordings;

namespace ActorRecorder.Server.Commands;

/// <summary><c>inspect &lt;file.jsonl&gt; [--json]</c>: sums up a recording.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = CommonSymbols.Recording();
        var json = new Option<bool>("--json") { Description = "Print the same summary as one JSON object (for scripts) instead of tables." };
        var command = new Command("inspect",
            "Sum up a recording: entries, in/out, counts per frame type, first and last timestamps, duration, "
            + "the largest frame, and the malformed lines with their line numbers.")
        {
            file,
            json,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var input = RecordingInput.Open(parsed.GetRequiredValue(file));
            var report = await RecordingInspector.InspectAsync(input, cancellationToken).ConfigureAwait(false);
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json)) JsonReport.Write(output, report);
            else HumanReport.Write(Terminal.Over(output), report);
            return ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Har;

namespace ActorRecorder.Server.Commands;

/// <summary><c>export &lt;file.jsonl&gt; --har [-o out.har] [--redact &lt;regex&gt;…]</c>: writes a recording as HAR for browser tools.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var file = CommonSymbols.Recording();
        var har = new Option<bool>("--har") { Description = "Export as HAR 1.2 (the only format so far; required), with the messages in Chrome's _webSocketMessages form." };
        var output = new Option<string>("--output", "-o") { Description = "The file to write (replaced if it exists); '-' or no -o writes to stdout.", HelpName = "out.har" };
        var redact = new Option<string[]>("--redact")
        {
            Description = "A .NET regular expression whose matches in text messages and in the URL are replaced by \"" + Redactor.Mask
                + "\" (binary messages are left as they are). Repeat it for more patterns.",
            HelpName = "regex",
        };
        redact.Validators.Add(result =>
        {
            foreach (var pattern in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (Redactor.Check(pattern) is { } why) result.AddError(CommonSymbols.Invalid(redact, pattern, $"not a regular expression ({why})"));
            }
        });
        var url = new Option<string>("--url")
        {
            Description = $"The session's URL, for the HAR request (recordings do not hold it; default {HarExport.UnknownUrl}).",
            HelpName = "ws://host:port/path",
        };
        url.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out _)) result.AddError(CommonSymbols.Invalid(url, value, "give an absolute URL, e.g. ws://host:port/path."));
        });
        var recordedBy = CommonSymbols.RecordedBy();

        var command = new Command("export",
            "Export a recording as HAR 1.2: one entry for the WebSocket session, its text and binary messages in Chrome's "
            + "_webSocketMessages form (type send/receive, time in epoch seconds, opcode 1 text / 2 binary in Base64, data). "
            + "Close, ping and pong frames are left out, as Chrome does.")
        {
            file,
            har,
            output,
            redact,
            url,
            recordedBy,
        };
        command.Validators.Add(result =>
        {
            if (!result.GetValue(har)) result.AddError("Choose the export format: --har (the only one so far).");
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var export = new HarExport(parsed.GetValue(url) ?? HarExport.UnknownUrl, parsed.RecordedByValue(recordedBy), new Redactor(parsed.GetValue(redact) ?? []));
            var target = parsed.GetValue(output) is { } path && path != "-" ? path : null;
            await HarExportRun.RunAsync(parsed.GetRequiredValue(file), target, export, parsed.InvocationConfiguration.Output,
                parsed.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Recordings;
using ActorRecorder.Server.Replay;

namespace ActorRecorder.Server.Commands;

/// <summary><c>replay &lt;file.jsonl&gt; --url ws://host:port/path [--realtime] [--ignore &lt;jsonpath&gt;…]</c>: plays the client's side to a server and compares the answers.</summary>
internal static class ReplayCommand
{
    private const double DefaultTimeoutSeconds = 5;

    // A day: longer waits are a typo, and CancelAfter takes no more than about 24 days.
    private const double MaxTimeoutSeconds = 24 * 60 * 60;

    public static Command Create()
    {
        var file = CommonSymbols.Recording();
        var url = new Option<string>("--url")
        {
            Description = "The WebSocket to replay to: ws://host:port/path or wss://….",
            Required = true,
            HelpName = "ws://host:port/path",
        };
        url.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!TryWebSocketUrl(value, out _)) result.AddError(CommonSymbols.Invalid(url, value, "give an absolute ws:// or wss:// URL."));
        });
        var realtime = new Option<bool>("--realtime") { Description = "Keep the recorded gaps between frames (default: send as fast as the server takes them)." };
        var ignore = new Option<string[]>("--ignore")
        {
            Description = "A JSONPath (Newtonsoft's SelectTokens syntax, e.g. $.ts or $..timestamp) removed from both the expected and the actual "
                + "answer before they are compared, when both are JSON text. Repeat it for more paths.",
            HelpName = "jsonpath",
        };
        ignore.Validators.Add(result =>
        {
            foreach (var path in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (IgnoredPaths.Check(path) is { } why) result.AddError(CommonSymbols.Invalid(ignore, path, $"not a JSONPath ({why})."));
            }
        });
        var recordedBy = CommonSymbols.RecordedBy();
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the connection, for each send, for the answers still outstanding after the last frame, and for the close.",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
            HelpName = "seconds",
        };
        // A parser rather than a validator: it sees the text, so "soon" and "0" get the same message naming the option.
        timeout.CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= MaxTimeoutSeconds)
                return seconds;
            result.AddError(CommonSymbols.Invalid(timeout, text, "give a positive number of seconds."));
            return DefaultTimeoutSeconds;
        };

        var command = new Command("replay",
            "Replay the client's side of a recording to a live server (--url) and report each answer that differs from the recorded one. "
            + "The client's text and binary frames are sent in order; after the last one the replay waits up to --timeout for the answers "
            + "still outstanding, then closes the socket. Close frames are not sent as data; pings and pongs are skipped. "
            + "Answers are compared exactly, unless --ignore applies. A progress bar shows on a terminal for long replays.")
        {
            file,
            url,
            realtime,
            ignore,
            recordedBy,
            timeout,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            TryWebSocketUrl(parsed.GetRequiredValue(url), out var target);
            var settings = new ReplaySettings(target!, parsed.GetValue(realtime), parsed.GetValue(ignore) ?? [], parsed.RecordedByValue(recordedBy),
                TimeSpan.FromSeconds(parsed.GetValue(timeout)));
            return await ReplayRun.RunAsync(parsed.GetRequiredValue(file), settings, parsed.InvocationConfiguration.Output,
                parsed.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static bool TryWebSocketUrl(string? value, out Uri? url) =>
        Uri.TryCreate(value, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeWs || url.Scheme == Uri.UriSchemeWss);
}

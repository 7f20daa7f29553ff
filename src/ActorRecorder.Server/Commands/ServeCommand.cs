using System.CommandLine;
using System.Globalization;
using System.Net;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Serving;

namespace ActorRecorder.Server.Commands;

/// <summary>
/// <c>serve [--config file.conf] [--address ip] [--port n] [--recordings dir] [--admin-token token]</c>: the server, with
/// a live status page, a recorded WebSocket echo, health probes and the recordings to download. The command with no
/// arguments at all runs it.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "serve";

    /// <summary>serve's options: a command line that starts with one of them is serve's.</summary>
    public static readonly IReadOnlyList<string> OptionNames = ["--config", "--address", "--port", "--recordings", "--admin-token"];

    public static Command Create()
    {
        var config = new Option<string>("--config")
        {
            Description = "The HOCON config file (default: hocon/server.conf beside the executable). port = ${?PORT} in it takes the port from the environment.",
            HelpName = "file.conf",
        };
        config.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            if (Directory.Exists(path)) result.AddError($"--config '{path}' is a directory, not a config file.");
            else if (!File.Exists(path)) result.AddError($"--config '{path}' was not found.");
        });
        var address = new Option<string>("--address")
        {
            Description = "The IP address to bind (default from the config: 127.0.0.1). Any non-loopback address, 0.0.0.0 included, needs an admin token.",
            HelpName = "ip",
        };
        address.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!IPAddress.TryParse(value, out _)) result.AddError(CommonSymbols.Invalid(address, value, "give an IPv4 or IPv6 address, e.g. 127.0.0.1 or 0.0.0.0."));
        });
        var port = new Option<int?>("--port")
        {
            Description = "The TCP port (default from the config: 8080); 0 lets the system choose one, which the 'listening on' line tells.",
            HelpName = "n",
        };
        port.CustomParser = result =>
        {
            var text = string.Join(' ', result.Tokens.Select(t => t.Value));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= IPEndPoint.MaxPort) return n;
            result.AddError(CommonSymbols.Invalid(port, text, $"give a port number from 0 to {IPEndPoint.MaxPort}."));
            return null;
        };
        var recordings = new Option<string>("--recordings")
        {
            Description = "The recordings directory, created if missing (default from the config: ./recordings).",
            HelpName = "dir",
        };
        recordings.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (File.Exists(value)) result.AddError(CommonSymbols.Invalid(recordings, value, "it is a file; give a directory (created if missing)."));
        });
        var token = new Option<string>("--admin-token")
        {
            Description = "The bearer token the status page and /recordings require (default from the config: actor-recorder.admin.token, "
                + "or the environment's ACTOR_RECORDER_ADMIN_TOKEN). Required on a non-loopback address.",
            HelpName = "token",
        };
        token.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>())) result.AddError("--admin-token must not be empty.");
        });

        var command = new Command(Name,
            "Serve a recorded WebSocket echo at /ws/echo, a live status page at / (supervision tree, listeners, sessions, recorders, "
            + "recordings), /healthz and /readyz, and the recordings at /recordings/<file> (and <file>.har). Ctrl+C or SIGTERM drains the "
            + "sessions (close 1001), flushes the recordings and exits 0.")
        {
            config,
            address,
            port,
            recordings,
            token,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var settings = ServeSettings.Read(parsed.GetValue(config), parsed.GetValue(address) is { } a ? IPAddress.Parse(a) : null,
                parsed.GetValue(port), parsed.GetValue(recordings), parsed.GetValue(token));
            return await ServerHost.RunAsync(settings, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

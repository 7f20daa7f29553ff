using System.CommandLine;
using System.Globalization;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Clustering;

namespace ActorRecorder.Server.Commands;

/// <summary>
/// <c>cluster status --url http://host:port [--admin-token T] [--json]</c>: the cluster as one of its nodes' HTTP address
/// shows it; <c>cluster drain --url … --node host:port [--timeout 10s]</c>: takes a member out, through another node.
/// </summary>
internal static class ClusterCommand
{
    /// <summary>How long a status request may take.</summary>
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long past the drain's timeout the answer may take: the node's answer and its removal (actor-recorder.cluster.request-timeout each, 10 s by default), and some room.</summary>
    private static readonly TimeSpan DrainAnswerAllowance = TimeSpan.FromSeconds(30);

    public static Command Create() => new("cluster",
        "See a cluster of actor-recorder servers (serve with --seed, --cluster-port or --cluster-host) through any node's HTTP address.")
    {
        Status(),
        Drain(),
    };

    private static Command Status()
    {
        var url = Url();
        var token = AdminToken();
        var json = new Option<bool>("--json") { Description = "Print the cluster section of the node's /api/status as one JSON object (for scripts) instead of a table." };
        var command = new Command("status",
            "Print every member of the cluster (host:port and state, reachable or not) and its listeners (name, endpoint, status, "
            + "connections, WebSocket sessions), as the node at --url sees them. Exits 3 when the node cannot be reached, refuses the "
            + "admin token, or is not a cluster node.")
        {
            url,
            token,
            json,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = new NodeClient(BaseUrl(parsed.GetRequiredValue(url)), TokenValue(parsed, token), StatusTimeout);
            var view = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json)) ClusterStatusReport.WriteJson(output, view);
            else ClusterStatusReport.Write(Terminal.Over(output), view);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Drain()
    {
        var url = Url();
        var token = AdminToken();
        var node = new Option<string>("--node")
        {
            Description = "The member to drain, as 'cluster status' names it: host:port (its cluster address, not its HTTP one).",
            Required = true,
            HelpName = "host:port",
        };
        node.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            var colon = value?.LastIndexOf(':') ?? -1;
            if (colon <= 0 || !int.TryParse(value![(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                result.AddError(CommonSymbols.Invalid(node, value ?? "", "give the member's host:port, e.g. 127.0.0.1:4054."));
        });
        // No DefaultValueFactory: help would show the default as 00:00:10; the description says 10s.
        var timeout = new Option<TimeSpan?>("--timeout")
        {
            Description = "How long the node's listeners have to finish their sessions before they are cut: 10s, 500ms, 2m (default 10s).",
            HelpName = "duration",
        };
        timeout.CustomParser = result =>
        {
            var text = string.Join(' ', result.Tokens.Select(t => t.Value));
            if (DurationText.TryParse(text, out var duration)) return duration;
            result.AddError(CommonSymbols.Invalid(timeout, text, "give a duration such as 10s, 500ms or 2m (at most an hour)."));
            return null;
        };
        var json = new Option<bool>("--json") { Description = "Print the node's answer as one JSON object instead of a table." };
        var command = new Command("drain",
            "Take a member out of the cluster: every listener of it drains at once (its sessions get close 1001 and --timeout to finish), "
            + "its recordings are flushed, it leaves the cluster and its serve exits 0. Asked through another node's HTTP address (--url): "
            + "the node serving the request cannot drain itself (send it SIGTERM instead). Prints each listener's drain. Exits 3 when "
            + "the node at --url cannot be reached or refuses, or the member is not found, unreachable or does not leave in time.")
        {
            url,
            token,
            node,
            timeout,
            json,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var drainTimeout = parsed.GetValue(timeout) ?? TimeSpan.FromMilliseconds(DrainTimeout.DefaultMilliseconds);
            // The drain, the node's answer and its removal from the cluster: each has its own bound on the node.
            using var client = new NodeClient(BaseUrl(parsed.GetRequiredValue(url)), TokenValue(parsed, token), drainTimeout + DrainAnswerAllowance);
            var view = await client.DrainAsync(parsed.GetRequiredValue(node), drainTimeout, cancellationToken).ConfigureAwait(false);
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json)) ClusterDrainReport.WriteJson(output, view);
            else ClusterDrainReport.Write(Terminal.Over(output), view);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>--url http://host:port</c>: any node's HTTP address (the "listening on" line of its serve).</summary>
    private static Option<string> Url()
    {
        var option = new Option<string>("--url")
        {
            Description = "Any node's HTTP address, as its 'listening on' line prints it: http://host:port.",
            Required = true,
            HelpName = "http://host:port",
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                result.AddError(CommonSymbols.Invalid(option, value, "give an absolute http:// or https:// URL, e.g. http://127.0.0.1:8080."));
        });
        return option;
    }

    private static Option<string> AdminToken()
    {
        var option = new Option<string>("--admin-token")
        {
            Description = "The node's admin token (serve's --admin-token), sent as a bearer token (default: the environment's ACTOR_RECORDER_ADMIN_TOKEN).",
            HelpName = "token",
        };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>())) result.AddError("--admin-token must not be empty.");
        });
        return option;
    }

    private static string? TokenValue(ParseResult parsed, Option<string> option) =>
        parsed.GetValue(option) ?? (Environment.GetEnvironmentVariable("ACTOR_RECORDER_ADMIN_TOKEN") is { Length: > 0 } token ? token : null);

    // The routes are relative to the node's root: a path given with the URL is kept as its base.
    private static Uri BaseUrl(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }
}

using System.CommandLine;
using System.Globalization;
using System.Net;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Clustering;
using ActorRecorder.Server.Serving;

namespace ActorRecorder.Server.Commands;

/// <summary>
/// <c>serve [--config file.conf] [--address ip] [--port n] [--recordings dir] [--admin-token token] [--cluster-port n]
/// [--cluster-host address] [--seed akka.tcp://actor-recorder@host:port]…</c>: the server, with a live status page, a
/// recorded WebSocket echo, health probes and the recordings to download, alone or as a cluster node. The command with
/// no arguments at all runs it.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "serve";

    /// <summary>serve's options: a command line that starts with one of them is serve's.</summary>
    public static readonly IReadOnlyList<string> OptionNames = ["--config", "--address", "--port", "--recordings", "--admin-token", "--cluster-port", "--cluster-host", "--seed"];

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
        var port = PortOption("--port", "The TCP port (default from the config: 8080); 0 lets the system choose one, which the 'listening on' line tells.");
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

        var clusterPort = PortOption("--cluster-port",
            "Make this server a cluster node, with Akka remoting on this TCP port (default from the config: actor-recorder.cluster.port, "
            + "2552, or CLUSTER_PORT); 0 lets the system choose one, for a node that joins through a seed.");
        var clusterHost = new Option<string>("--cluster-host")
        {
            Description = "Make this server a cluster node, with Akka remoting bound to this address, the one other nodes reach it at "
                + "(default from the config: actor-recorder.cluster.hostname, 127.0.0.1, or CLUSTER_HOST).",
            HelpName = "address",
        };
        clusterHost.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (Uri.CheckHostName(value) == UriHostNameType.Unknown)
                result.AddError(CommonSymbols.Invalid(clusterHost, value, "give an IP address or a host name of this machine, e.g. 127.0.0.1."));
        });
        var seed = new Option<string[]>("--seed")
        {
            Description = "Make this server a cluster node that joins through this seed node; repeat it for more seeds, the same list on "
                + "every node (default from the config: actor-recorder.cluster.seed-nodes, or SEEDS, comma-separated). Without any "
                + "seed a cluster node joins itself: the first node of a new cluster.",
            HelpName = "akka.tcp://actor-recorder@host:port",
        };
        seed.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (SeedAddress.Check(value) is { } why) result.AddError(CommonSymbols.Invalid(seed, value, why));
            }
        });

        var command = new Command(Name,
            "Serve a recorded WebSocket echo at /ws/echo, a live status page at / (supervision tree, listeners, sessions, recorders, "
            + "recordings, and the cluster on a cluster node), /healthz and /readyz, and the recordings at /recordings/<file> (and "
            + "<file>.har). Ctrl+C or SIGTERM drains the sessions (close 1001), flushes the recordings, leaves the cluster on a cluster "
            + "node, and exits 0. The cluster is off unless --cluster-port, --cluster-host or --seed is given, or the config says "
            + "actor-recorder.cluster.enabled = on (ACTOR_RECORDER_CLUSTER=on) or names seed-nodes (SEEDS). A cluster node that leaves "
            + "because another node drained it ('actor-recorder cluster drain') prints 'left the cluster' and exits 0; one that the "
            + "cluster downed (it was unreachable, or on the losing side of a partition) or that could not join prints why on stderr "
            + "and exits 3.")
        {
            config,
            address,
            port,
            recordings,
            token,
            clusterPort,
            clusterHost,
            seed,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var cluster = new ClusterArguments(parsed.GetValue(clusterPort), parsed.GetValue(clusterHost), parsed.GetValue(seed) ?? []);
            var settings = ServeSettings.Read(parsed.GetValue(config), parsed.GetValue(address) is { } a ? IPAddress.Parse(a) : null,
                parsed.GetValue(port), parsed.GetValue(recordings), parsed.GetValue(token), cluster);
            return await ServerHost.RunAsync(settings, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>A TCP port option: 0 to 65535; anything else is a parse error naming the option and the value.</summary>
    private static Option<int?> PortOption(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = "n" };
        option.CustomParser = result =>
        {
            var text = string.Join(' ', result.Tokens.Select(t => t.Value));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= IPEndPoint.MaxPort) return n;
            result.AddError(CommonSymbols.Invalid(option, text, $"give a port number from 0 to {IPEndPoint.MaxPort}."));
            return null;
        };
        return option;
    }
}

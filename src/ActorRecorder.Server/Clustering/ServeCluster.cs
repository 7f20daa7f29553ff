using ActorRecorder.Cluster;
using ActorRecorder.Server.Cli;
using Akka.Configuration;

namespace ActorRecorder.Server.Clustering;

/// <summary>
/// Whether serve runs as a cluster node, and with which <see cref="ActorRecorderClusterOptions"/>: the config's
/// <c>actor-recorder.cluster</c> section under the command line's --cluster-port, --cluster-host and --seed. The cluster
/// is off unless asked for: <c>enabled = on</c> (or ACTOR_RECORDER_CLUSTER=on through server.conf), seed nodes in the
/// config (SEEDS), or any of the three options.
/// </summary>
internal static class ServeCluster
{
    /// <summary>The switch in the config.</summary>
    public const string EnabledKey = ActorRecorderClusterOptions.ConfigPath + ".enabled";

    /// <summary>The node's options, or null when the server is not a cluster node.</summary>
    /// <param name="config">The config file, parsed.</param>
    /// <param name="source">How messages name the file: <c>--config 'path'</c> or <c>the default config 'path'</c>.</param>
    /// <param name="arguments">The command line's cluster options.</param>
    /// <exception cref="UsageException">A value is invalid; the message names its key (or option) and the value.</exception>
    public static ActorRecorderClusterOptions? Read(Config config, string source, ClusterArguments arguments)
    {
        var enabled = Enabled(config, source);
        try
        {
            // Read even when off: a bad value is named whether or not the cluster is on, and seed nodes turn it on.
            var options = ActorRecorderClusterOptions.FromConfig(config);
            if (!enabled && options.SeedNodes.Count == 0 && !arguments.Any) return null;
            options.Port = arguments.Port ?? options.Port;
            options.Hostname = arguments.Host ?? options.Hostname;
            if (arguments.Seeds.Count > 0) options.SeedNodes = arguments.Seeds;
            options.Validate();
            return options;
        }
        catch (ConfigurationException e)
        {
            // The message names the key and the value; an option's value was checked when the command line was parsed.
            throw new UsageException($"{source}: {e.Message}", e);
        }
    }

    private static bool Enabled(Config config, string source)
    {
        if (!config.HasPath(EnabledKey)) return false;
        try
        {
            return config.GetBoolean(EnabledKey);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UsageException($"{source}: {EnabledKey} = '{config.GetString(EnabledKey)}' is invalid: write on or off.", e);
        }
    }
}

using System.Net;
using ActorRecorder.Hocon;
using ActorRecorder.Http;
using ActorRecorder.Cluster;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Clustering;
using Akka.Configuration;

namespace ActorRecorder.Server.Serving;

/// <summary>What <c>serve</c> runs with: the config file, read with the project's HOCON loader, under the command line's options.</summary>
/// <param name="ConfigPath">The config file.</param>
/// <param name="Listener">Listener default's options.</param>
/// <param name="Recordings">The recordings directory, full path.</param>
/// <param name="AdminToken">The admin routes' bearer token, or null.</param>
/// <param name="DrainTimeout">How long a stop lets sessions finish.</param>
/// <param name="Cluster">The cluster node's options, or null when the server is not a cluster node.</param>
internal sealed record ServeSettings(string ConfigPath, ListenerOptions Listener, string Recordings, string? AdminToken, TimeSpan DrainTimeout,
    ActorRecorderClusterOptions? Cluster = null)
{
    /// <summary>The one listener serve starts.</summary>
    public const string ListenerName = "default";

    /// <summary>The admin token's key in the config.</summary>
    public const string TokenKey = "actor-recorder.admin.token";

    private const string RecordToKey = "actor-recorder.http.record-to";

    private const string DrainTimeoutKey = "actor-recorder.drain.timeout";

    /// <summary>The default config: hocon/server.conf beside the executable (the build copies it there).</summary>
    public static string DefaultConfigPath => Path.Combine(AppContext.BaseDirectory, "hocon", "server.conf");

    /// <summary>True when the listener's address serves this machine only (0.0.0.0 and :: do not).</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Listener.Address);

    /// <summary>Reads the config file and applies the options over it.</summary>
    /// <exception cref="UsageException">The file is missing or has an error, a value is invalid, or a non-loopback address has no token; the message names it.</exception>
    public static ServeSettings Read(string? configPath, IPAddress? address, int? port, string? recordings, string? adminToken, ClusterArguments? cluster = null)
    {
        var path = configPath ?? DefaultConfigPath;
        var option = configPath is null ? "the default config" : "--config";
        if (!File.Exists(path)) throw new UsageException($"{option} '{path}' was not found.");
        Config config;
        try
        {
            config = HoconLoader.ParseFile(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The loader's messages name the path, line and column.
            throw new UsageException($"{option} '{path}' could not be read: {e.Message}", e);
        }

        ListenerOptions listener;
        try
        {
            var withPort = config.WithFallback(HoconLoader.ParseString($"actor-recorder.listeners.{ListenerName}.port = 8080"));
            listener = ListenerOptions.FromConfig(withPort, ListenerName);
            listener = listener with { Address = address ?? listener.Address, Port = port ?? listener.Port };
            listener.Validate(ListenerName);
        }
        catch (Exception e) when (e is InvalidListenerOptionException or ConfigurationException or FormatException)
        {
            throw new UsageException($"{option} '{path}': {e.Message}", e);
        }

        var directory = recordings ?? (config.HasPath(RecordToKey) && config.GetString(RecordToKey) is { Length: > 0 } configured ? configured : "recordings");
        var fullDirectory = Path.GetFullPath(directory);
        if (File.Exists(fullDirectory))
            throw new UsageException(recordings is null
                ? $"{RecordToKey} '{directory}' in '{path}' is a file; give a directory (created if missing)."
                : $"--recordings '{directory}' is a file; give a directory (created if missing).");

        TimeSpan drain;
        try
        {
            drain = config.GetTimeSpan(DrainTimeoutKey, TimeSpan.FromSeconds(10), allowInfinite: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UsageException($"{option} '{path}': {DrainTimeoutKey} = '{config.GetString(DrainTimeoutKey)}' is not a duration (write it as 10s or 500ms).", e);
        }
        if (drain < TimeSpan.Zero) throw new UsageException($"{option} '{path}': {DrainTimeoutKey} = {drain} must be zero or more.");

        var token = adminToken ?? (config.HasPath(TokenKey) && config.GetString(TokenKey) is { Length: > 0 } t ? t : null);
        var node = ServeCluster.Read(config, $"{option} '{path}'", cluster ?? ClusterArguments.None);
        var settings = new ServeSettings(path, listener, fullDirectory, string.IsNullOrEmpty(token) ? null : token, drain, node);
        if (!settings.IsLoopback && settings.AdminToken is null)
            throw new UsageException(
                $"refusing to serve on {listener.Address}, which is not a loopback address, without an admin token: the status page and /recordings "
                + $"would be open to the network. Give --admin-token <token> (or set {TokenKey} in the config, or ACTOR_RECORDER_ADMIN_TOKEN), "
                + "or bind 127.0.0.1 with --address 127.0.0.1.");
        return settings;
    }
}

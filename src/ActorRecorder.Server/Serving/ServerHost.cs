using ActorRecorder.Cluster;
using ActorRecorder.Hosting;
using ActorRecorder.Http;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Clustering;
using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ActorRecorder.Server.Serving;

/// <summary>
/// Runs serve: a generic host with the actor system (Akka.Hosting), listener <c>default</c> with <see cref="ServerRoutes"/>,
/// recording under the recordings directory. The host's console lifetime is the one path from Ctrl+C and SIGTERM to the
/// stop: host stop, then Akka.Hosting runs CoordinatedShutdown (the listener drains, the supervisors stop, the recorders
/// flush; a cluster node then leaves the cluster). Akka's own CLR shutdown hook is turned off, and System.CommandLine's
/// signal handling is off for serve. A cluster node's actor system may also end by itself (drained and left, or downed):
/// Akka.Hosting then stops the host, and <see cref="NodeExit"/> says how serve ends.
/// </summary>
internal static class ServerHost
{
    /// <summary>The actor system's name.</summary>
    public const string SystemName = "actor-recorder";

    // Over the config file, so that whatever it says the host's lifetime is the one signal path; and Akka's log at INFO,
    // which carries the drain's result.
    private const string Forced = """
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        akka.loglevel = INFO
        """;

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled or the process gets Ctrl+C / SIGTERM; 0 once stopped cleanly.</summary>
    /// <exception cref="UsageException">The listener cannot start with these settings.</exception>
    public static async Task<int> RunAsync(ServeSettings settings, TextWriter output, TextWriter stderr, CancellationToken cancellationToken)
    {
        // The drain's report is written from an actor's thread.
        var stdout = TextWriter.Synchronized(output);
        var state = new ServeState(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
                // Akka's INFO goes to the event stream for DrainReporter; the console shows warnings and errors.
        builder.Logging.AddFilter("ActorRecorder.Server", LogLevel.Information);
        // A failed start is reported once, by RunAsync, not with a stack trace from each layer.
        builder.Logging.AddFilter("Akka.Hosting.AkkaHostedService", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        // The host's stop waits for the whole CoordinatedShutdown: the drain, then the supervisors and the recorders' flush.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.DrainTimeout + TimeSpan.FromMinutes(1));
        builder.Services.AddActorRecorder(SystemName, akka =>
        {
            akka.AddHoconFile(settings.ConfigPath)
                .AddHocon(Forced, HoconAddMode.Prepend)
                .WithRecording(settings.Recordings)
                .WithListener(ServeSettings.ListenerName, settings.Listener with { Routes = ServerRoutes.Create(state), RecordTo = null });
            // After the config file: the node's drain phase is sized from the drain timeout configured there.
            if (settings.Cluster is { } node) akka.WithActorRecorderCluster(node);
        });
        if (settings.Cluster is not null) builder.Services.AddActorRecorderCluster();

        using var host = builder.Build();
        state.Log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ActorRecorder.Server");
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var stopOnCancel = cancellationToken.Register(lifetime.StopApplication);
        using var notReady = lifetime.ApplicationStopping.Register(() => state.Ready = false);
        try
        {
            await host.StartAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ListenerBindException or InvalidListenerOptionException or ConfigurationException
                                   or Akka.Remote.RemoteTransportException)
        {
            // A cluster node's remoting port in use is a RemoteTransportException; a TLS certificate that cannot be loaded a ConfigurationException.
            await stderr.WriteLineAsync($"{CliText.Name}: the server could not start: {e.Message}").ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return e is ConfigurationException ? ExitCodes.Usage : ExitCodes.Failure;
        }

        var system = host.Services.GetRequiredService<ActorSystem>();
        state.System = system;
        system.EventStream.Subscribe(system.ActorOf(Props.Create(() => new DrainReporter(stdout)), "drain-reporter"), typeof(Akka.Event.Info));
        var listeners = Listeners.Get(system);
        foreach (var name in await listeners.ListAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (await listeners.InfoAsync(name, CancellationToken.None).ConfigureAwait(false) is { } info)
                await stdout.WriteLineAsync($"listening on http://{info.Endpoint} (listener {info.Name})").ConfigureAwait(false);
        }
        await stdout.WriteLineAsync($"recordings in {settings.Recordings}").ConfigureAwait(false);
        if (settings.Cluster is { } options)
        {
            var cluster = Akka.Cluster.Cluster.Get(system);
            var seeds = options.SeedNodes.Count == 0 ? "none: it joins itself, the first node of a new cluster" : string.Join(", ", options.SeedNodes);
            await stdout.WriteLineAsync($"cluster node {cluster.SelfAddress} (seeds: {seeds})").ConfigureAwait(false);
            var loopback = options.Hostname == "localhost" || (System.Net.IPAddress.TryParse(options.Hostname, out var bound) && System.Net.IPAddress.IsLoopback(bound));
            if (options.Tls is null && !loopback)
                await stderr.WriteLineAsync($"{CliText.Name}: warning: the cluster port is open on {options.Hostname} without TLS: any process that reaches it can join the cluster. Set actor-recorder.cluster.tls on a network you do not trust.").ConfigureAwait(false);
            system.ActorOf(Props.Create(() => new ClusterReporter(cluster, stdout)), "cluster-reporter");
        }
        await stdout.WriteLineAsync($"drain timeout {listeners.ShutdownDrainTimeout.TotalSeconds:0.###}s on Ctrl+C or SIGTERM").ConfigureAwait(false);
        await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        state.Ready = !lifetime.ApplicationStopping.IsCancellationRequested;

        await host.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
        var (line, isError, exitCode) = NodeExit.Of(CoordinatedShutdown.Get(system).ShutdownReason);
        await (isError ? stderr : stdout).WriteLineAsync(line).ConfigureAwait(false);
        await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        return exitCode;
    }
}

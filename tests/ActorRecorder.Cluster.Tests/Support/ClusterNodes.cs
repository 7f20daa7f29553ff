using ActorRecorder.Http;
using ActorRecorder.Testing;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster;
using Akka.Configuration;

namespace ActorRecorder.Cluster.Tests.Support;

/// <summary>
/// Cluster nodes in this process, each an actor system with remoting on 127.0.0.1 and an ephemeral port, with failure
/// detection and the split-brain resolver tuned short so that a spec sees a dead node downed in seconds.
/// </summary>
public static class ClusterNodes
{
    /// <summary>Every wait of the cluster specs is bounded by this.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The shared short cluster timings (<see cref="ClusterTimings.Fast"/>).</summary>
    public const string Fast = ClusterTimings.Fast;

    /// <summary>The options of a spec node: loopback, an ephemeral port, seeds as given, a resolver that decides after 1 s.</summary>
    public static ActorRecorderClusterOptions Options(params Address[] seeds) => new()
    {
        Hostname = "127.0.0.1",
        Port = 0,
        SeedNodes = seeds.Select(s => s.ToString()).ToArray(),
        StableAfter = TimeSpan.FromSeconds(1),
        ViewRefreshInterval = TimeSpan.FromMilliseconds(250),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>
    /// The setup of a node with <paramref name="options"/> (its TLS certificate included), over <paramref name="extra"/>
    /// HOCON when given, then <see cref="Fast"/> and the specs' common config.
    /// </summary>
    public static ActorSystemSetup Setup(ActorRecorderClusterOptions options, string? extra = null)
    {
        var setup = options.ToSetup(ConfigurationFactory.ParseString(Fast).WithFallback(ConfigurationFactory.ParseString(SpecConfig.Text)));
        if (extra is null) return setup;
        var bootstrap = setup.Get<BootstrapSetup>().Value;
        return setup.And(bootstrap.WithConfig(ConfigurationFactory.ParseString(extra).WithFallback(bootstrap.Config.Value)));
    }

    /// <summary>Starts a node; its ClusterListeners start with it.</summary>
    public static ActorSystem Start(ActorRecorderClusterOptions options, string? extra = null) =>
        ActorSystem.Create("actor-recorder", Setup(options, extra));

    /// <summary>A listener with one route on an ephemeral loopback port.</summary>
    public static ListenerOptions Listener() => new()
    {
        Port = 0,
        Routes = new Routes().Map("/", (_, _) => Task.FromResult(HttpResponse.Text("hello"))),
    };

    /// <summary>The node's address in the cluster.</summary>
    public static Address Address(this ActorSystem system) => Akka.Cluster.Cluster.Get(system).SelfAddress;
}

using ActorRecorder.Hosting;
using ActorRecorder.Http;
using ActorRecorder.Otp;
using Akka.Actor;
using Akka.Configuration;
using ActorRecorder.Recording;

namespace ActorRecorder.Cluster;

/// <summary>Akka's own settings for <see cref="ActorRecorderClusterOptions"/>, written as HOCON.</summary>
internal static class ClusterHocon
{
    /// <summary>Everything a node needs: remoting, the cluster, and <see cref="Common"/>; <see cref="ActorRecorderClusterOptions.ToConfig"/>.</summary>
    /// <param name="options">The node's options.</param>
    /// <param name="rest">The rest of the system's config, for the drain's timeout.</param>
    public static HoconText Node(ActorRecorderClusterOptions options, Config rest)
    {
        var hocon = new HoconText();
        hocon.Word("akka.actor.provider", "cluster");
        hocon.String("akka.remote.dot-netty.tcp.hostname", options.Hostname);
        hocon.Int("akka.remote.dot-netty.tcp.port", options.Port);
        hocon.StringList("akka.cluster.seed-nodes", options.SeedNodes);
        hocon.StringList("akka.cluster.roles", options.Roles);
        if (options.Tls is not null)
        {
            // The certificate itself comes with Akka.Remote's DotNettySslSetup (ClusterTls), pinned.
            hocon.Bool("akka.remote.dot-netty.tcp.enable-ssl", true);
            hocon.Bool("akka.remote.dot-netty.tcp.ssl.require-mutual-authentication", true);
            hocon.Bool("akka.remote.dot-netty.tcp.ssl.suppress-validation", false);
        }
        // Started with the system, on every node: a node that has not started it can be neither seen nor drained. A HOCON
        // list replaces the one under it, so the rest of the config's extensions are listed again.
        var provider = typeof(ClusterListenersProvider).AssemblyQualifiedName!;
        var others = rest.HasPath("akka.extensions") ? rest.GetStringList("akka.extensions").Where(e => !e.StartsWith(typeof(ClusterListenersProvider).FullName!, StringComparison.Ordinal)) : [];
        hocon.StringList("akka.extensions", [.. others, provider]);
        Common(hocon, options, rest);
        return hocon;
    }

    /// <summary>
    /// What Akka.Hosting's <c>WithRemoting</c> and <c>WithClustering</c> do not write: the split-brain resolver's
    /// settings, joining itself when there is no seed node, and the serializer of the messages that cross nodes.
    /// </summary>
    public static HoconText Common(HoconText hocon, ActorRecorderClusterOptions options, Config rest)
    {
        // Akka.Cluster creates CoordinatedShutdown as the system starts, before the Listeners extension could raise the
        // drain's phase to fit: so it is written here, unless the config sets it.
        if (DrainOnShutdown.PhaseTimeoutFor(rest) is { } phase)
            hocon.Duration(PhaseTimeouts.Key(CoordinatedShutdown.PhaseServiceUnbind), phase);
        // No seed node: ClusterListeners has the node join itself, the first node of a new cluster.
        if (options.SeedNodes.Count == 0) hocon.Bool(ClusterListeners.JoinSelfKey, true);
        hocon.String("akka.cluster.downing-provider-class", "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster");
        hocon.Word("akka.cluster.split-brain-resolver.active-strategy", options.SplitBrainResolverStrategy);
        hocon.Duration("akka.cluster.split-brain-resolver.stable-after", options.StableAfter);
        hocon.Duration("actor-recorder.cluster.view.refresh-interval", options.ViewRefreshInterval);
        hocon.Duration("actor-recorder.cluster.request-timeout", options.RequestTimeout);
        Serialization(hocon);
        return hocon;
    }

    private static void Serialization(HoconText hocon)
    {
        hocon.String($"akka.actor.serializers.{ClusterMessageSerializer.Name}", typeof(ClusterMessageSerializer).AssemblyQualifiedName!);
        Type[] bound = [typeof(IClusterMessage), typeof(Record), typeof(Flush), typeof(Flushed), typeof(GetStats), typeof(RecorderStats)];
        foreach (var type in bound)
            hocon.Word($"akka.actor.serialization-bindings.{Hocon.HoconLoader.Quote(BindingName(type))}", ClusterMessageSerializer.Name);
    }

    // Akka matches a binding by type name and assembly name; the version in an assembly-qualified name is left out.
    private static string BindingName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}

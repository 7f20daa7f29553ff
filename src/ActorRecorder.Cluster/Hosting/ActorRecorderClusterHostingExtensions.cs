using ActorRecorder.Hosting;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;

namespace ActorRecorder.Cluster;

/// <summary>Akka.Hosting's builder extension for a cluster node: <c>akka.WithActorRecorderCluster(options)</c>.</summary>
public static class ActorRecorderClusterHostingExtensions
{
    /// <summary>
    /// Makes the system a cluster node with ActorRecorder: Akka.Hosting's <c>WithRemoting</c> (bound to
    /// <see cref="ActorRecorderClusterOptions.Hostname"/> only, with TLS when <see cref="ActorRecorderClusterOptions.Tls"/>
    /// is set) and <c>WithClustering</c> (seed nodes, roles), Akka's split-brain resolver, the serializer of the messages
    /// that cross nodes, <c>WithActorRecorder()</c>, and <see cref="ClusterListeners"/> started with the system. On host
    /// stop the node drains its listeners, its supervisors stop and its recorders flush, then it leaves the cluster
    /// (CoordinatedShutdown's phases, in that order).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The node's options, such as <c>ActorRecorderClusterOptions.FromConfig(config)</c>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="Akka.Configuration.ConfigurationException">An option is invalid, or the certificate cannot be loaded; the message names its key and the value.</exception>
    /// <exception cref="Akka.Remote.RemoteTransportException">Another process listens on the fixed port.</exception>
    public static AkkaConfigurationBuilder WithActorRecorderCluster(this AkkaConfigurationBuilder builder, ActorRecorderClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ClusterPort.EnsureFree(options);
        var remote = new RemoteOptions { HostName = options.Hostname, Port = options.Port };
        if (options.Tls is { } tls)
        {
            var certificate = ClusterTls.Load(tls);
            remote.EnableSsl = true;
            remote.Ssl = new SslOptions
            {
                X509Certificate = certificate,
                SuppressValidation = false,
                RequireMutualAuthentication = true,
                CustomValidator = ClusterTls.Pinned(certificate),
            };
        }
        builder.WithRemoting(remote);
        builder.WithClustering(new ClusterOptions { SeedNodes = [.. options.SeedNodes], Roles = [.. options.Roles] });
        // The drain's timeout as configured so far: add config files and options before this call.
        var configured = builder.Configuration.HasValue ? builder.Configuration.Value : Akka.Configuration.Config.Empty;
        builder.AddHocon(ClusterHocon.Common(new HoconText(), options, configured).ToConfig(nameof(WithActorRecorderCluster)), HoconAddMode.Prepend);
        builder.WithActorRecorder();
        return builder.WithExtension<ClusterListenersProvider>();
    }
}

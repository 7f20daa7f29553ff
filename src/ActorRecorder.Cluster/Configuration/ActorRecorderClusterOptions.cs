using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;

namespace ActorRecorder.Cluster;

/// <summary>
/// A node's place in the cluster: where remoting binds, the seed nodes it joins, its roles, the split-brain resolver
/// and TLS. Read from <c>actor-recorder.cluster</c> with <see cref="FromConfig"/>, written as Akka's own settings with
/// <see cref="ToConfig"/> (for <c>ActorSystem.Create</c>) or by Akka.Hosting's <c>WithActorRecorderCluster</c>.
/// </summary>
public sealed class ActorRecorderClusterOptions
{
    /// <summary>The section these options are read from.</summary>
    public const string ConfigPath = "actor-recorder.cluster";

    /// <summary>The address remoting binds to, and the only one; other nodes reach this node there. 127.0.0.1 by default.</summary>
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>Remoting's TCP port; 0 lets the system choose a free one. 2552 by default.</summary>
    public int Port { get; set; } = 2552;

    /// <summary>
    /// The seed nodes, <c>akka.tcp://actor-recorder@host:port</c>, the same list on every node. Empty: the node joins
    /// itself, and others join it by naming it.
    /// </summary>
    public IReadOnlyList<string> SeedNodes { get; set; } = [];

    /// <summary>The node's roles (<c>akka.cluster.roles</c>).</summary>
    public IReadOnlyList<string> Roles { get; set; } = [];

    /// <summary>
    /// The split-brain resolver's strategy: <c>keep-majority</c> (the default), <c>keep-oldest</c>, <c>down-all</c> or
    /// <c>static-quorum</c> (which needs Akka's <c>akka.cluster.split-brain-resolver.static-quorum.quorum-size</c>).
    /// </summary>
    public string SplitBrainResolverStrategy { get; set; } = "keep-majority";

    /// <summary>How long membership must be still before the split-brain resolver decides. 20 s by default.</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>TLS between the nodes; null (the default) for plain TCP, on a network you trust.</summary>
    public ClusterTlsOptions? Tls { get; set; }

    /// <summary>How often a node writes its listeners' counters to the cluster-wide view. 1 s by default.</summary>
    public TimeSpan ViewRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a command to another node waits for its answer (past a drain's deadline). 10 s by default.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The protocol of every node's address: <c>akka.ssl.tcp</c> with TLS, <c>akka.tcp</c> without.</summary>
    public string Scheme => Tls is null ? "akka.tcp" : "akka.ssl.tcp";

    // lease-majority needs a lease implementation, which the project does not provide.
    private static readonly string[] Strategies = ["keep-majority", "static-quorum", "keep-oldest", "down-all"];

    /// <summary>
    /// The options of <c>actor-recorder.cluster</c> in <paramref name="config"/>, over the product's defaults. The seed
    /// nodes may be a list or one comma-separated string, so that <c>seed-nodes = ${?SEEDS}</c> takes an environment variable.
    /// </summary>
    /// <exception cref="ConfigurationException">A value is invalid; the message names its key and the value.</exception>
    public static ActorRecorderClusterOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.HasPath(ConfigPath) ? config.GetConfig(ConfigPath).WithFallback(ClusterDefaults.Section) : ClusterDefaults.Section;
        var options = new ActorRecorderClusterOptions
        {
            Hostname = Read(section, "hostname", k => section.GetString(k)),
            Port = Read(section, "port", k => section.GetInt(k)),
            SeedNodes = Read(section, "seed-nodes", k => StringList(section, k)),
            Roles = Read(section, "roles", k => StringList(section, k)),
            SplitBrainResolverStrategy = Read(section, "split-brain-resolver.active-strategy", k => section.GetString(k)),
            StableAfter = Read(section, "split-brain-resolver.stable-after", k => section.GetTimeSpan(k, null, allowInfinite: false)),
            ViewRefreshInterval = Read(section, "view.refresh-interval", k => section.GetTimeSpan(k, null, allowInfinite: false)),
            RequestTimeout = Read(section, "request-timeout", k => section.GetTimeSpan(k, null, allowInfinite: false)),
        };
        var certificate = Read(section, "tls.certificate-path", k => section.GetString(k));
        if (!string.IsNullOrWhiteSpace(certificate))
            options.Tls = new ClusterTlsOptions(certificate, Read(section, "tls.password", k => section.GetString(k)) ?? "");
        options.Validate();
        return options;
    }

    /// <summary>Checks every option.</summary>
    /// <exception cref="ConfigurationException">An option is invalid; the message names its key and the value.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Hostname), "hostname", Hostname, "must name an address of this machine");
        // Remoting binds to this address and gives it to the other nodes as this node's: it must be one they can reach.
        Require(Hostname.Trim() is not ("0.0.0.0" or "::" or "[::]" or "*"), "hostname", Hostname,
            "must be an address the other nodes can reach: a node binds to it and tells the others it is there, so name one of this machine's addresses");
        Require(Port is >= 0 and <= 65535, "port", Port, "must be 0 (a free port) to 65535");
        foreach (var seed in SeedNodes)
        {
            Require(TryParseSeed(seed, out var address), "seed-nodes", seed, "must be an address such as akka.tcp://actor-recorder@127.0.0.1:2552");
            Require(address!.Port is > 0, "seed-nodes", seed, "must name a port: a seed node has a fixed one");
            Require(address.Protocol == Scheme, "seed-nodes", seed,
                Tls is null ? "must start akka.tcp:// (akka.ssl.tcp:// is for a cluster with TLS)" : "must start akka.ssl.tcp://, as every node's address does with TLS");
        }
        foreach (var role in Roles) Require(!string.IsNullOrWhiteSpace(role), "roles", role, "must not be empty");
        Require(Strategies.Contains(SplitBrainResolverStrategy), "split-brain-resolver.active-strategy", SplitBrainResolverStrategy,
            $"must be one of {string.Join(", ", Strategies)}");
        Require(StableAfter > TimeSpan.Zero, "split-brain-resolver.stable-after", StableAfter, "must be a positive duration");
        Require(ViewRefreshInterval > TimeSpan.Zero, "view.refresh-interval", ViewRefreshInterval, "must be a positive duration");
        Require(RequestTimeout > TimeSpan.Zero, "request-timeout", RequestTimeout, "must be a positive duration");
        if (Tls is { } tls)
        {
            Require(!string.IsNullOrWhiteSpace(tls.CertificatePath), "tls.certificate-path", tls.CertificatePath, "must name a .pfx file");
            Require(File.Exists(tls.CertificatePath), "tls.certificate-path", tls.CertificatePath, "names no file");
        }
    }

    /// <summary>
    /// Akka's settings for these options (<c>akka.actor.provider = cluster</c>, <c>akka.remote.dot-netty.tcp</c>,
    /// <c>akka.cluster</c>, the serializer of the messages that cross nodes, and <see cref="ClusterListeners"/> in
    /// <c>akka.extensions</c>), to pass to <c>ActorSystem.Create</c> over the rest of the system's config. With
    /// <see cref="Tls"/>, use <see cref="ToSetup"/>: the certificate is pinned in code, which HOCON cannot say.
    /// </summary>
    /// <exception cref="ConfigurationException">An option is invalid; the message names its key and the value.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Tls"/> is set.</exception>
    public Config ToConfig()
    {
        Validate();
        if (Tls is not null)
            throw new InvalidOperationException("With TLS, a node pins its certificate in code: create the actor system with ToSetup(), not ToConfig().");
        return ClusterHocon.Node(this, Config.Empty).ToConfig(nameof(ActorRecorderClusterOptions));
    }

    /// <summary>
    /// What <c>ActorSystem.Create(name, setup)</c> needs for a node with these options: <see cref="ToConfig"/>'s settings
    /// over <paramref name="config"/> and, with <see cref="Tls"/>, Akka.Remote's TLS setup with the certificate loaded
    /// and pinned.
    /// </summary>
    /// <param name="config">The rest of the system's config (may be null).</param>
    /// <exception cref="ConfigurationException">An option is invalid, or the certificate cannot be loaded; the message names its key and the value.</exception>
    /// <exception cref="Akka.Remote.RemoteTransportException">Another process listens on the fixed port.</exception>
    public ActorSystemSetup ToSetup(Config? config = null)
    {
        Validate();
        ClusterPort.EnsureFree(this);
        var node = ClusterHocon.Node(this, config ?? Config.Empty).ToConfig(nameof(ActorRecorderClusterOptions));
        var bootstrap = BootstrapSetup.Create().WithConfig(config is null ? node : node.WithFallback(config));
        return Tls is { } tls ? ActorSystemSetup.Create(bootstrap, ClusterTls.Setup(ClusterTls.Load(tls))) : ActorSystemSetup.Create(bootstrap);
    }

    /// <summary>Parses an Akka address such as <c>akka.tcp://actor-recorder@127.0.0.1:2552</c>.</summary>
    internal static bool TryParseSeed(string text, out Address? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        try
        {
            address = Address.Parse(text.Trim());
            return address.HasGlobalScope;
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    private static IReadOnlyList<string> StringList(Config section, string key)
    {
        if (!section.HasPath(key)) return [];
        var list = section.GetValue(key).IsString()
            ? section.GetString(key).Split(',')
            : section.GetStringList(key);
        return list.Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
    }

    private static T Read<T>(Config section, string key, Func<string, T> read)
    {
        try
        {
            return read(key);
        }
        catch (Exception e) when (e is not ConfigurationException and not OutOfMemoryException)
        {
            throw new ConfigurationException($"{ConfigPath}.{key} = '{section.GetValue(key)}' is invalid: {e.Message}", e);
        }
    }

    private static void Require(bool valid, string key, object? value, string rule)
    {
        if (!valid) throw new ConfigurationException($"{ConfigPath}.{key} = '{value}' is invalid: it {rule}.");
    }
}

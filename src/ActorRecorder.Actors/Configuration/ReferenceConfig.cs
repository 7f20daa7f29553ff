using ActorRecorder.Hocon;

namespace ActorRecorder.Actors;

/// <summary>The embedded <c>reference.conf</c>: every default of the kernel and the services.</summary>
public static class ReferenceConfig
{
    private static readonly Lazy<Config> Parsed = new(() => ConfigurationFactory.FromResource(typeof(ReferenceConfig).Assembly, "reference.conf"));
    private static readonly Lazy<Config> ResolvedConfig = new(() => Parsed.Value.Resolve());

    /// <summary>The reference configuration as parsed (unresolved), to fall back to.</summary>
    public static Config Unresolved => Parsed.Value;

    /// <summary>The reference configuration, resolved.</summary>
    public static Config Resolved => ResolvedConfig.Value;

    /// <summary><paramref name="config"/> over the reference configuration, resolved as a whole.</summary>
    public static Config WithReference(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.WithFallback(Parsed.Value).Resolve();
    }
}

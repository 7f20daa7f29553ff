using Akka.Configuration;

namespace ActorRecorder.Cluster;

/// <summary>The <c>actor-recorder.cluster</c> section of the product's embedded <c>hocon/reference.conf</c>.</summary>
internal static class ClusterDefaults
{
    private static readonly Lazy<Config> Defaults = new(Load);

    /// <summary>The section's content, without its path.</summary>
    public static Config Section => Defaults.Value;

    private static Config Load()
    {
        using var stream = typeof(ClusterDefaults).Assembly.GetManifestResourceStream("ActorRecorder.reference.conf")
            ?? throw new InvalidOperationException("The embedded reference.conf of ActorRecorder.Cluster is missing.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd()).GetConfig(ActorRecorderClusterOptions.ConfigPath);
    }
}

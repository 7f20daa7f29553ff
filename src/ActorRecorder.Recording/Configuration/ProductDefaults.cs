using Akka.Actor;
using Akka.Configuration;

namespace ActorRecorder.Recording;

/// <summary>
/// The product's defaults: the <c>actor-recorder</c> section of the embedded <c>hocon/reference.conf</c>,
/// added to a system's config as Akka's fallback by the first of the product's extensions to start there.
/// </summary>
internal static class ProductDefaults
{
    private static readonly Lazy<Config> Defaults = new(Load);

    /// <summary>Adds the defaults under <paramref name="system"/>'s own config.</summary>
    public static void AddTo(ExtendedActorSystem system) => system.Settings.InjectTopLevelFallback(Defaults.Value);

    private static Config Load()
    {
        using var stream = typeof(ProductDefaults).Assembly.GetManifestResourceStream("ActorRecorder.reference.conf")
            ?? throw new InvalidOperationException("The embedded reference.conf of ActorRecorder.Recording is missing.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}

using ActorRecorder.Http;
using Akka.Configuration;

namespace ActorRecorder.Hosting;

/// <summary>The options a listener added with <c>WithListener</c> starts with, worked out from the actor system's final config.</summary>
internal static class ListenerStart
{
    private const string RecordToKey = "actor-recorder.http.record-to";

    /// <summary>No port is configured yet: <see cref="ListenerOptions.FromConfig"/> needs one, and no real port is negative.</summary>
    private const int NoPort = -1;

    /// <summary>The options given in code, recorded under <c>actor-recorder.http.record-to</c> unless they say where.</summary>
    public static ListenerOptions Given(ListenerOptions options, Config config) =>
        options.RecordTo is null && RecordTo(config) is { } directory ? options with { RecordTo = directory } : options;

    /// <summary>The listener's config section (or none) over <c>actor-recorder.http</c>, then <paramref name="configure"/>.</summary>
    /// <exception cref="InvalidListenerOptionException">A config value is invalid, or no port is set anywhere.</exception>
    public static ListenerOptions Configured(string name, Config config, Func<ListenerOptions, ListenerOptions> configure)
    {
        var section = $"actor-recorder.listeners.{name}";
        // The section may leave the port to code, or be missing: a fallback port (and so a section) below everything.
        var fallback = new HoconText();
        fallback.Int($"actor-recorder.listeners.{Hocon.HoconLoader.Quote(name)}.port", NoPort);
        var withPort = config.WithFallback(fallback.ToConfig(nameof(ActorRecorderHostingExtensions.WithListener)));
        var options = configure(ListenerOptions.FromConfig(withPort, name))
            ?? throw new InvalidOperationException($"WithListener(\"{name}\")'s configure returned null: return the options, e.g. o => o with {{ Routes = routes }}.");
        if (options.Port == NoPort)
            throw new InvalidListenerOptionException(name, $"{section}.port", null,
                $"required: set port in the config section (port = ${{?PORT}} takes it from the environment) or Port in WithListener(\"{name}\", o => o with {{ Port = ... }})");
        return options;
    }

    private static string? RecordTo(Config config) =>
        config.HasPath(RecordToKey) && config.GetString(RecordToKey) is { Length: > 0 } directory ? directory : null;
}

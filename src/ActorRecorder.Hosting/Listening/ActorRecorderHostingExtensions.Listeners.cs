using ActorRecorder.Http;
using Akka.Actor;
using Akka.Hosting;

namespace ActorRecorder.Hosting;

public static partial class ActorRecorderHostingExtensions
{
    /// <summary>
    /// Starts listener <paramref name="name"/> with exactly <paramref name="options"/> when the host starts, after the
    /// actors; if it cannot start (the port is taken, an option is invalid), the host's start fails with that exception
    /// (<see cref="ListenerBindException"/>, <see cref="InvalidListenerOptionException"/>, ...). Its <c>RecordTo</c>, when
    /// null, is the recordings directory of <c>WithRecording</c> (<c>actor-recorder.http.record-to</c>). Calls
    /// <c>WithActorRecorder()</c> if it was not called.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The listener's name (<c>roadrunner:start_listener</c>'s Name).</param>
    /// <param name="options">Its options; checked now, so that a bad value fails the configuration rather than the start.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid listener name.</exception>
    /// <exception cref="InvalidListenerOptionException">An option is invalid; the message names the key, the value and why.</exception>
    public static AkkaConfigurationBuilder WithListener(this AkkaConfigurationBuilder builder, string name, ListenerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireName(name);
        options.Validate(name);
        return builder.AddListener(name, config => ListenerStart.Given(options, config));
    }

    /// <summary>
    /// Starts listener <paramref name="name"/> when the host starts, with the options <paramref name="configure"/> returns.
    /// It is given the options of the config section <c>actor-recorder.listeners.&lt;name&gt;</c> over
    /// <c>actor-recorder.http</c> (<see cref="ListenerOptions.FromConfig"/>, read from the actor system's final config, so a
    /// file added with <c>AddHoconFile</c> anywhere in the chain counts), or <see cref="ListenerOptions"/>' defaults over
    /// <c>actor-recorder.http</c> when there is no section; it sets what code must (the <c>Routes</c>) and returns the
    /// result, e.g. <c>o =&gt; o with { Routes = routes }</c>. The port must come from one or the other: a section's
    /// <c>port</c> (<c>port = ${?PORT}</c> lets the environment choose) or <c>Port</c> set here. A failure to start fails
    /// the host's start, as for <see cref="WithListener(AkkaConfigurationBuilder, string, ListenerOptions)"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The listener's name; its config section is <c>actor-recorder.listeners.&lt;name&gt;</c>.</param>
    /// <param name="configure">From the configured options to the options to start with (<see cref="ListenerOptions"/> is an immutable record: use <c>with</c>).</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid listener name.</exception>
    public static AkkaConfigurationBuilder WithListener(this AkkaConfigurationBuilder builder, string name, Func<ListenerOptions, ListenerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        RequireName(name);
        return builder.AddListener(name, config => ListenerStart.Configured(name, config, configure));
    }

    /// <summary>
    /// Starts listener <paramref name="name"/> on <paramref name="port"/> with <paramref name="routes"/> when the host
    /// starts; its other options come from the configuration as for
    /// <see cref="WithListener(AkkaConfigurationBuilder, string, Func{ListenerOptions, ListenerOptions})"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The listener's name.</param>
    /// <param name="port">The TCP port; 0 asks the system for a free one (read it with <c>Listeners.InfoAsync(name)</c>).</param>
    /// <param name="routes">What it serves.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid listener name.</exception>
    public static AkkaConfigurationBuilder WithListener(this AkkaConfigurationBuilder builder, string name, int port, Routes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return builder.WithListener(name, options => options with { Port = port, Routes = routes });
    }

    private static AkkaConfigurationBuilder AddListener(this AkkaConfigurationBuilder builder, string name, Func<Akka.Configuration.Config, ListenerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithActorRecorder();
        // A startup task runs after every actor starter: the port opens once the application's actors exist.
        return builder.AddStartup(async (system, _) =>
            await Listeners.Get(system).StartAsync(name, options(system.Settings.Config)).ConfigureAwait(false));
    }

    private static void RequireName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || !ActorPath.IsValidPathElement(name))
            throw new ArgumentException($"'{name}' is not a valid listener name: use letters, digits and -_.*$+:@&=,!~';", nameof(name));
    }
}

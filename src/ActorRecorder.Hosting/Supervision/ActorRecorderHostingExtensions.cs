using ActorRecorder.Http;
using ActorRecorder.Recording;
using Akka.Hosting;

namespace ActorRecorder.Hosting;

/// <summary>
/// Akka.Hosting's builder extensions for ActorRecorder: <c>services.AddActorRecorder("name", akka =&gt; akka
/// .WithListener(...).WithRecording(...).AddHoconFile(...))</c>, or the same inside Akka.Hosting's <c>AddAkka</c>. The
/// product's tree starts with the actor system, its listeners when the host starts, and the host's stop runs Akka's
/// CoordinatedShutdown: the listeners drain, the OTP supervisors stop in OTP order, the recorders flush.
/// </summary>
public static partial class ActorRecorderHostingExtensions
{
    /// <summary>
    /// Adds ActorRecorder to the actor system: its root supervisor (<c>/user/root</c> with <c>listeners</c> and
    /// <c>recorders</c>), registered in the <see cref="ActorRegistry"/> under <see cref="RootSupervisorKey"/>; the
    /// <see cref="Listeners"/> extension, so that the listeners drain in CoordinatedShutdown's <c>service-unbind</c> phase
    /// on host stop; the options that <paramref name="configure"/> sets, as HOCON over what was added before; and Akka's
    /// log into the host's <c>ILoggerFactory</c>, unless <c>akka.loggers</c> is configured already. Calling it again only
    /// adds the options; <c>WithListener</c> and <c>WithRecording</c> call it for you.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options to write; null writes none (<c>reference.conf</c>'s defaults apply).</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">An option is out of range; the message names it, its key and its value.</exception>
    public static AkkaConfigurationBuilder WithActorRecorder(this AkkaConfigurationBuilder builder, Action<ActorRecorderOptions>? configure = null)
    {
        var options = new ActorRecorderOptions();
        configure?.Invoke(options);
        return builder.WithActorRecorder(options);
    }

    /// <inheritdoc cref="WithActorRecorder(AkkaConfigurationBuilder, Action{ActorRecorderOptions}?)" path="/summary"/>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options to write; those left null are not written.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">An option is out of range; the message names it, its key and its value.</exception>
    public static AkkaConfigurationBuilder WithActorRecorder(this AkkaConfigurationBuilder builder, ActorRecorderOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var hocon = options.ToHocon();
        // Prepend, as Akka.Hosting's own options do: what is set in code wins over what was added before it.
        if (!hocon.IsEmpty) builder.AddHocon(hocon.ToConfig(nameof(ActorRecorderOptions)), HoconAddMode.Prepend);
        if (!HostingState.Of(builder).TryMarkWired()) return builder;

        // The user's own loggers win: set before this call they are kept; ConfigureLoggers after it overrides this one.
        if (!builder.Configuration.HasValue || !builder.Configuration.Value.HasPath("akka.loggers"))
            builder.ConfigureLoggers(loggers => loggers.AddLoggerFactory());
        builder.WithExtension<ListenersAtStartup.Provider>();
        builder.WithActors(async (system, registry) =>
        {
            // Also throws what the extension could not do at startup, such as an invalid actor-recorder.drain.timeout.
            Listeners.Get(system);
            registry.Register<RootSupervisorKey>(await RootSupervisor.Get(system).Root.ConfigureAwait(false));
        });
        return builder;
    }
}

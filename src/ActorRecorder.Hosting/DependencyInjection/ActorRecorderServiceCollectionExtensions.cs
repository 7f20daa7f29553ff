using ActorRecorder.Http;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActorRecorder.Hosting;

/// <summary>
/// ActorRecorder's services in the host's dependency injection. Akka.Hosting runs the <c>AddAkka</c> builder only when the
/// host starts, after the service collection is built, so the builder extensions cannot add services: these do.
/// </summary>
public static class ActorRecorderServiceCollectionExtensions
{
    /// <summary>
    /// Adds an actor system named <paramref name="actorSystemName"/> with ActorRecorder (Akka.Hosting's <c>AddAkka</c>,
    /// then <paramref name="configure"/>, then <c>WithActorRecorder()</c>), and the <see cref="Listeners"/> of that system
    /// as a singleton service (see <see cref="AddActorRecorder(IServiceCollection)"/>).
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="actorSystemName">The actor system's name.</param>
    /// <param name="configure">Configures the system: <c>WithListener</c>, <c>WithRecording</c>, <c>AddHoconFile</c>, Akka.Hosting's own extensions.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddActorRecorder(this IServiceCollection services, string actorSystemName, Action<AkkaConfigurationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddAkka(actorSystemName, builder =>
        {
            configure(builder);
            builder.WithActorRecorder(); // last, so that loggers the user configured in any way are seen and kept
        });
        return services.AddActorRecorder();
    }

    /// <summary>
    /// Adds the <see cref="Listeners"/> extension of the host's <see cref="ActorSystem"/> as a singleton service, for an
    /// application that calls Akka.Hosting's <c>AddAkka</c> itself. The root supervisor needs no service: take
    /// <c>IRequiredActor&lt;RootSupervisorKey&gt;</c>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddActorRecorder(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider => Listeners.Get(provider.GetRequiredService<ActorSystem>()));
        return services;
    }
}

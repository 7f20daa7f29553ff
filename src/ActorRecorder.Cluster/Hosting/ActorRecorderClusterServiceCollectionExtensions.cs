using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActorRecorder.Cluster;

/// <summary>The cluster node's services in the host's dependency injection.</summary>
public static class ActorRecorderClusterServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ClusterListeners"/> of the host's <see cref="ActorSystem"/> as a singleton service, beside what
    /// <c>AddActorRecorder</c> adds; the system itself is made a node with <c>WithActorRecorderCluster</c>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddActorRecorderCluster(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider => ClusterListeners.Get(provider.GetRequiredService<ActorSystem>()));
        return services;
    }
}

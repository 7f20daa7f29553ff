using ActorRecorder.Http;
using Akka.Actor;

namespace ActorRecorder.Cluster;

/// <summary>What <see cref="ClusterListeners.DrainNodeAsync"/> did: each listener's drain on that node, then its leave.</summary>
/// <param name="Node">The node, which has left the cluster.</param>
/// <param name="Listeners">Each listener's <see cref="DrainResult"/>, by name.</param>
public sealed record NodeDrainResult(Address Node, IReadOnlyDictionary<string, DrainResult> Listeners);

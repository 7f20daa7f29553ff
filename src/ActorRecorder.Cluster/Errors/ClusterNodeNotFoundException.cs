using Akka.Actor;

namespace ActorRecorder.Cluster;

/// <summary>A command named a node that is not a member of the cluster (never joined, or removed).</summary>
/// <param name="node">The node named.</param>
/// <param name="members">The members there are, for the message.</param>
public sealed class ClusterNodeNotFoundException(Address node, IEnumerable<Address> members)
    : Exception($"Node {node} is not a member of the cluster; the members are: {string.Join(", ", members)}.")
{
    /// <summary>The node named.</summary>
    public Address Node { get; } = node;
}

namespace ActorRecorder.Cluster;

/// <summary>One node's entry in the cluster-wide view: its listeners, in start order. Only that node writes it.</summary>
internal sealed record NodeListeners(IReadOnlyList<ClusterListenerInfo> Listeners) : IClusterMessage
{
    public bool SameAs(NodeListeners? other) => other is not null && Listeners.SequenceEqual(other.Listeners);
}

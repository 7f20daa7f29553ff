namespace ActorRecorder.Cluster;

/// <summary>One node's entry in the cluster-wide view: its listeners, in start order. Only that node writes it.</summary>
internal sealed record NodeListeners(IReadOnlyList<ClusterListenerInfo> Listeners) : IClusterMessage
{
    /// <summary>The same listeners with the same counters.</summary>
    public bool SameAs(NodeListeners? other) => other is not null && Listeners.SequenceEqual(other.Listeners);

    /// <summary>The same listeners, endpoints and statuses; the counters may differ.</summary>
    public bool SameListenersAs(NodeListeners? other) =>
        other is not null && Listeners.Select(l => (l.Name, l.Endpoint, l.Status)).SequenceEqual(other.Listeners.Select(l => (l.Name, l.Endpoint, l.Status)));
}

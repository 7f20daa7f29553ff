using ActorRecorder.Cluster;

namespace ActorRecorder.Server.Clustering;

/// <summary>What <c>POST /api/cluster/drain</c> answers: the node, and each of its listeners' drain.</summary>
/// <param name="Node">host:port.</param>
/// <param name="Address">The full address.</param>
/// <param name="Listeners">Each listener's drain, by name.</param>
internal sealed record NodeDrainView(string Node, string Address, IReadOnlyList<ListenerDrainView> Listeners)
{
    public static NodeDrainView Of(NodeDrainResult result) => new(
        ClusterView.NodeName(result.Node),
        result.Node.ToString(),
        [.. result.Listeners.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new ListenerDrainView(
            l.Key, l.Value.Outcome.ToString(), l.Value.Acknowledged, l.Value.Remaining, (long)l.Value.Duration.TotalMilliseconds))]);
}

/// <summary>One listener's drain.</summary>
/// <param name="Name">The listener.</param>
/// <param name="Outcome">Drained, or TimedOut (what was left was cut at the deadline).</param>
/// <param name="Acknowledged">Handler actors (sessions among them) that acknowledged the drain.</param>
/// <param name="Remaining">Requests still in flight at the deadline, which were cut.</param>
/// <param name="DurationMs">How long it took.</param>
internal sealed record ListenerDrainView(string Name, string Outcome, int Acknowledged, int Remaining, long DurationMs);

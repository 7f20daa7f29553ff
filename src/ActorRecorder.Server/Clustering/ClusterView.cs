using ActorRecorder.Cluster;
using ActorRecorder.Server.Serving;
using Akka.Actor;
using Akka.Cluster;

namespace ActorRecorder.Server.Clustering;

/// <summary>The cluster as this node sees it: the <c>cluster</c> section of <c>/api/status</c>, null when the server is not a cluster node.</summary>
/// <param name="Self">This node's address (<c>akka.tcp://actor-recorder@host:port</c>).</param>
/// <param name="Leader">The leader's address, when there is one.</param>
/// <param name="Members">Every member, by address, each with its listeners.</param>
internal sealed record ClusterView(string Self, string? Leader, IReadOnlyList<MemberView> Members)
{
    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Membership from this node's cluster state; listeners from its copy of the cluster-wide view (none when it does not answer in time).</summary>
    public static async Task<ClusterView> TakeAsync(ActorSystem system, CancellationToken cancellationToken)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var state = cluster.State;
        IReadOnlyList<ClusterListenerInfo> listeners;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ListTimeout);
            listeners = await ClusterListeners.Get(system).ListAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AskTimeoutException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            listeners = []; // the node is stopping, or busy: members are shown without listeners
        }
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var members = state.Members
            .OrderBy(m => m.Address, Member.AddressOrdering)
            .Select(m => new MemberView(
                NodeName(m.Address),
                m.Address.ToString(),
                m.Status.ToString(),
                !unreachable.Contains(m.Address),
                [.. m.Roles.Order(StringComparer.Ordinal)],
                [.. listeners.Where(l => l.Node == m.Address).Select(l => new ListenerView(l.Name, $"http://{l.Endpoint}", l.Status.ToString(),
                    l.ActiveConnections, l.WebSocketSessions, l.RequestsServed, l.Rejected))]))
            .ToList();
        return new ClusterView(cluster.SelfAddress.ToString(), state.Leader?.ToString(), members);
    }

    /// <summary>A node as people name it: <c>host:port</c>.</summary>
    public static string NodeName(Address address) => $"{address.Host}:{address.Port}";
}

/// <summary>A member of the cluster.</summary>
/// <param name="Node">host:port.</param>
/// <param name="Address">The full address, <c>akka.tcp://actor-recorder@host:port</c>.</param>
/// <param name="Status">Akka's member status: Joining, WeaklyUp, Up, Leaving, Exiting, Down, Removed.</param>
/// <param name="Reachable">False while this node's failure detector marks it unreachable.</param>
/// <param name="Roles">Its roles (Akka adds dc-default).</param>
/// <param name="Listeners">Its listeners, in start order, from the cluster-wide view.</param>
internal sealed record MemberView(string Node, string Address, string Status, bool Reachable, IReadOnlyList<string> Roles, IReadOnlyList<ListenerView> Listeners);

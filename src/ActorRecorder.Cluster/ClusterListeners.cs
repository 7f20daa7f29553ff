using ActorRecorder.Http;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Akka.DistributedData;

namespace ActorRecorder.Cluster;

/// <summary>
/// Every node's listeners, and commands to them from any node: an Akka extension, <c>ClusterListeners.Get(system)</c>,
/// started with the system on every node (<see cref="ActorRecorderClusterOptions.ToConfig"/> and Akka.Hosting's
/// <c>WithActorRecorderCluster</c> list it in <c>akka.extensions</c>). Membership, failure detection and downing are
/// Akka.Cluster's; the view is Akka Distributed Data; commands go to the node's own <see cref="Listeners"/>.
/// </summary>
public sealed class ClusterListeners : IExtension
{
    /// <summary>The view's key in Distributed Data: one entry per node incarnation.</summary>
    internal static readonly LWWDictionaryKey<string, NodeListeners> ViewKey = new("actor-recorder-listeners");

    /// <summary>Written by <see cref="ActorRecorderClusterOptions"/> when they name no seed node.</summary>
    internal const string JoinSelfKey = "actor-recorder.cluster.join-self";

    /// <summary>How long past the request timeout <see cref="StopAsync"/> allows: a listener's own shutdown (10 s).</summary>
    private static readonly TimeSpan ListenerShutdown = TimeSpan.FromSeconds(10);

    private readonly ExtendedActorSystem _system;
    private readonly Akka.Cluster.Cluster _cluster;
    private readonly IActorRef _replicator;

    internal ClusterListeners(ExtendedActorSystem system)
    {
        if (system.Provider is not Akka.Cluster.ClusterActorRefProvider)
            throw new ConfigurationException(
                $"ClusterListeners needs akka.actor.provider = cluster, and actor system '{system.Name}' has {system.Provider.GetType().Name}: " +
                "create it with ActorRecorderClusterOptions.ToConfig(), or add WithActorRecorderCluster(...) to Akka.Hosting's builder.");
        _system = system;
        _cluster = Akka.Cluster.Cluster.Get(system);
        var settings = system.Settings.Config;
        var config = settings.HasPath(ActorRecorderClusterOptions.ConfigPath)
            ? settings.GetConfig(ActorRecorderClusterOptions.ConfigPath).WithFallback(ClusterDefaults.Section)
            : ClusterDefaults.Section;
        RefreshInterval = config.GetTimeSpan("view.refresh-interval", null, allowInfinite: false);
        RequestTimeout = config.GetTimeSpan("request-timeout", null, allowInfinite: false);
        var listeners = Listeners.Get(system);
        _replicator = DistributedData.Get(system).Replicator;
        system.SystemActorOf(ClusterListenersAgent.Props(listeners, _cluster), ClusterListenersAgent.Name);
        system.SystemActorOf(ListenerViewPublisher.Props(listeners, _cluster, _replicator, RefreshInterval, RequestTimeout), ListenerViewPublisher.Name);
        if (system.Settings.Config.GetBoolean(JoinSelfKey, false) && _cluster.Settings.SeedNodes.Count == 0) _cluster.Join(_cluster.SelfAddress);
    }

    /// <summary>How often a node writes its listeners' counters into the view (<c>actor-recorder.cluster.view.refresh-interval</c>).</summary>
    public TimeSpan RefreshInterval { get; }

    /// <summary>How long a command waits for another node past its own bound (<c>actor-recorder.cluster.request-timeout</c>).</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>The extension of <paramref name="system"/>, created on first use.</summary>
    /// <exception cref="ConfigurationException">The system is not a cluster node.</exception>
    public static ClusterListeners Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<ClusterListeners, ClusterListenersProvider>();
    }

    /// <summary>
    /// Every member's listeners, by node then start order, from this node's copy of the view. A listener that starts,
    /// drains or stops on any reachable node is in every node's copy within one round trip of Distributed Data's write
    /// to all nodes (at the latest, one gossip interval, <c>akka.cluster.distributed-data.gossip-interval</c>, 2 s);
    /// its counters, written here every <see cref="RefreshInterval"/> and carried by that gossip, within the two added.
    /// A node removed from the cluster (left, or downed) is not in the view.
    /// </summary>
    public async Task<IReadOnlyList<ClusterListenerInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var response = await _replicator.Ask<IGetResponse>(Dsl.Get(ViewKey, ReadLocal.Instance), RequestTimeout, cancellationToken).ConfigureAwait(false);
        if (response is not GetSuccess success) return [];
        var members = _cluster.State.Members
            .Where(m => m.Status is MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up or MemberStatus.Leaving or MemberStatus.Exiting)
            .Select(m => NodeKey(m.UniqueAddress))
            .ToHashSet(StringComparer.Ordinal);
        return success.Get(ViewKey).Entries
            .Where(e => members.Contains(e.Key))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .SelectMany(e => e.Value.Listeners)
            .ToArray();
    }

    /// <summary>
    /// Drains listener <paramref name="name"/> of <paramref name="node"/> there (<see cref="Listeners.DrainAsync"/>) and
    /// returns that node's <see cref="DrainResult"/>.
    /// </summary>
    /// <param name="node">The node, as <c>Cluster.Get(system).SelfAddress</c> or the view's <see cref="ClusterListenerInfo.Node"/> gives it.</param>
    /// <param name="name">The listener.</param>
    /// <param name="timeout">From now to the drain's deadline.</param>
    /// <param name="cancellationToken">Stops waiting; the drain goes on.</param>
    /// <exception cref="ClusterNodeNotFoundException">The node is not a member.</exception>
    /// <exception cref="ListenerNotFoundException">The node has no listener of that name.</exception>
    /// <exception cref="ClusterNodeUnreachableException">The node is unreachable, or gave no answer by the deadline plus <see cref="RequestTimeout"/>.</exception>
    public async Task<DrainResult> DrainAsync(Address node, string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        var answer = await AskAsync(node, new DrainListener(name, timeout), $"drain of listener '{name}'", timeout + RequestTimeout, cancellationToken).ConfigureAwait(false);
        return ((ListenerDrained)answer).Result;
    }

    /// <summary>Stops listener <paramref name="name"/> of <paramref name="node"/> (terminate and delete, as <see cref="Listeners.StopAsync"/>).</summary>
    /// <exception cref="ClusterNodeNotFoundException">The node is not a member.</exception>
    /// <exception cref="ListenerNotFoundException">The node has no listener of that name.</exception>
    /// <exception cref="ClusterNodeUnreachableException">The node is unreachable, or gave no answer in time.</exception>
    public async Task StopAsync(Address node, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await AskAsync(node, new StopListener(name), $"stop of listener '{name}'", ListenerShutdown + RequestTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Drains every listener of <paramref name="node"/> at once, then has the node leave the cluster, and returns once it
    /// is removed: the way to take a node out for a deploy. The node's CoordinatedShutdown runs on its leave, so its
    /// recorders flush and, when it is the server program, it exits. It leaves even when a drain fails: whoever asked
    /// wants it out, and what is left stops with its supervisors.
    /// </summary>
    /// <exception cref="ClusterNodeNotFoundException">The node is not a member.</exception>
    /// <exception cref="ClusterNodeUnreachableException">The node is unreachable, gave no answer by the deadline plus <see cref="RequestTimeout"/>, or was not removed within <see cref="RequestTimeout"/> after.</exception>
    public async Task<NodeDrainResult> DrainNodeAsync(Address node, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        NodeDrained answer;
        try
        {
            answer = (NodeDrained)await MemberRemoval.AfterAsync(_system, _cluster, node,
                () => AskAsync(node, new DrainNode(timeout), "drain of every listener", timeout + RequestTimeout, cancellationToken),
                RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e) when (e is not ClusterNodeUnreachableException)
        {
            throw new ClusterNodeUnreachableException(node, "leave after the drain", $"it drained but was not removed from the cluster within {RequestTimeout}", e);
        }
        return new NodeDrainResult(node, answer.Listeners.ToDictionary(l => l.Name, l => l.Result, StringComparer.Ordinal));
    }

    /// <summary>A node incarnation's key in the view.</summary>
    internal static string NodeKey(UniqueAddress node) => $"{node.Address}#{node.Uid}";

    private async Task<object> AskAsync(Address node, object command, string operation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        var state = _cluster.State;
        if (!state.Members.Any(m => m.Address == node && m.Status is not (MemberStatus.Down or MemberStatus.Removed)))
            throw new ClusterNodeNotFoundException(node, state.Members.Select(m => m.Address));
        if (state.Unreachable.Any(m => m.Address == node))
            throw new ClusterNodeUnreachableException(node, operation, "the failure detector marks it unreachable");

        var agent = _system.ActorSelection(new RootActorPath(node) / "system" / ClusterListenersAgent.Name);
        object answer;
        try
        {
            answer = await agent.Ask<object>(command, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new ClusterNodeUnreachableException(node, operation, $"it did not answer within {timeout}", e);
        }
        return answer switch
        {
            CommandFailed { Reason: CommandFailure.ListenerNotFound } notFound => throw new ListenerNotFoundException(notFound.Name, notFound.Message),
            CommandFailed failed => throw new InvalidOperationException($"The {operation} failed {failed.Message}"),
            _ => answer,
        };
    }
}

/// <summary>The Akka extension id of <see cref="ClusterListeners"/>, for <c>akka.extensions</c>.</summary>
public sealed class ClusterListenersProvider : ExtensionIdProvider<ClusterListeners>
{
    /// <inheritdoc />
    public override ClusterListeners CreateExtension(ExtendedActorSystem system) => new(system);
}

using Akka.Actor;
using Akka.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Cluster.Tests.Support;

/// <summary>
/// A spec whose TestKit system is node A, the first node (it joins itself); <see cref="StartNode"/> adds nodes that
/// join A. Every node is shut down after the spec.
/// </summary>
public abstract class ClusterSpec : Akka.TestKit.Xunit2.TestKit
{
    private readonly List<ActorSystem> _nodes = [];

    protected ClusterSpec(ITestOutputHelper output, ActorRecorderClusterOptions? options = null, string? extra = null)
        : base(ClusterNodes.Setup(options ?? ClusterNodes.Options(), extra), "actor-recorder", output)
    {
    }

    /// <summary>Node A, this spec's TestKit system.</summary>
    protected ActorSystem A => Sys;

    /// <summary>Starts a node that joins A (with <paramref name="options"/>, or the spec defaults).</summary>
    protected ActorSystem StartNode(ActorRecorderClusterOptions? options = null, string? extra = null)
    {
        var node = ClusterNodes.Start(options ?? ClusterNodes.Options(A.Address()), extra);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Waits until every one of <paramref name="nodes"/> sees all of them Up.</summary>
    protected Task AwaitUpAsync(params ActorSystem[] nodes)
    {
        var addresses = nodes.Select(n => n.Address()).ToArray();
        return AwaitAssertAsync(() =>
        {
            foreach (var node in nodes)
            {
                var members = Akka.Cluster.Cluster.Get(node).State.Members;
                foreach (var address in addresses)
                    Assert.Contains(members, m => m.Address == address && m.Status == MemberStatus.Up);
            }
        }, ClusterNodes.Patience, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Waits until <paramref name="viewer"/>'s view satisfies <paramref name="check"/>.</summary>
    protected Task AwaitViewAsync(ActorSystem viewer, Action<IReadOnlyList<ClusterListenerInfo>> check) =>
        AwaitAssertAsync(async () => check(await ClusterListeners.Get(viewer).ListAsync()), ClusterNodes.Patience, TimeSpan.FromMilliseconds(100));

    protected override void AfterAll()
    {
        foreach (var node in _nodes) node.Terminate().Wait(ClusterNodes.Patience);
        base.AfterAll();
    }
}

using ActorRecorder.Cluster.Tests.Support;
using ActorRecorder.Http;
using Akka.Actor;
using Akka.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Cluster.Tests.InProcess;

/// <summary>
/// A node that dies without leaving (its actor system stops with no CoordinatedShutdown, as a killed process would):
/// the others mark it unreachable, the split-brain resolver downs it, and it leaves the view.
/// </summary>
public sealed class NodeFailureSpec(ITestOutputHelper output) : ClusterSpec(output)
{
    /// <summary>Stopping this node's actor system runs no CoordinatedShutdown: it never leaves, it just goes silent.</summary>
    public const string DiesSilently = "akka.coordinated-shutdown.run-by-actor-system-terminate = off";

    [Fact]
    public async Task A_dead_node_is_marked_unreachable_downed_and_removed_from_every_view_and_its_watchers_get_Terminated()
    {
        var b = StartNode();
        var c = StartNode(extra: DiesSilently);
        await AwaitUpAsync(A, b, c);
        await Listeners.Get(c).StartAsync("c-api", ClusterNodes.Listener());
        await AwaitViewAsync(A, view => Assert.Contains(view, l => l.Node == c.Address()));
        c.ActorOf(Props.Create(() => new Idle()), "idle");
        var remote = await A.ActorSelection(new RootActorPath(c.Address()) / "user" / "idle").ResolveOne(ClusterNodes.Patience);
        Watch(remote);
        var events = CreateTestProbe();
        Akka.Cluster.Cluster.Get(A).Subscribe(events.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.MemberDowned), typeof(ClusterEvent.MemberRemoved));

        var address = c.Address();
        await c.Terminate();

        events.FishForMessage(m => m is ClusterEvent.UnreachableMember u && u.Member.Address == address, ClusterNodes.Patience);
        events.FishForMessage(m => m is ClusterEvent.MemberDowned d && d.Member.Address == address, ClusterNodes.Patience);
        events.FishForMessage(m => m is ClusterEvent.MemberRemoved r && r.Member.Address == address, ClusterNodes.Patience);
        ExpectTerminated(remote, ClusterNodes.Patience);
        foreach (var viewer in new[] { A, b })
            await AwaitViewAsync(viewer, view => Assert.DoesNotContain(view, l => l.Node == address));
    }

    private sealed class Idle : ReceiveActor;
}

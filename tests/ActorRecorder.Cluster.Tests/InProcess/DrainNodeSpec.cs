using ActorRecorder.Cluster.Tests.Support;
using ActorRecorder.Http;
using Akka.Actor;
using Akka.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Cluster.Tests.InProcess;

/// <summary>DrainNodeAsync: every listener of a node drains, then the node leaves the cluster and its actor system stops.</summary>
public sealed class DrainNodeSpec(ITestOutputHelper output) : ClusterSpec(output)
{
    [Fact]
    public async Task A_drains_every_listener_of_B_then_B_leaves_and_stops()
    {
        var b = StartNode();
        await AwaitUpAsync(A, b);
        await Listeners.Get(b).StartAsync("api", ClusterNodes.Listener());
        await Listeners.Get(b).StartAsync("admin", ClusterNodes.Listener());
        var address = b.Address();
        var events = CreateTestProbe();
        Akka.Cluster.Cluster.Get(A).Subscribe(events.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.MemberExited), typeof(ClusterEvent.MemberRemoved));

        var result = await ClusterListeners.Get(A).DrainNodeAsync(address, TimeSpan.FromSeconds(5));

        Assert.Equal(address, result.Node);
        Assert.Equal(["admin", "api"], result.Listeners.Keys.Order());
        Assert.All(result.Listeners.Values, r => Assert.Equal(DrainOutcome.Drained, r.Outcome));
        // It left (Exiting, then Removed), it was not downed; and its system stopped by itself.
        events.FishForMessage(m => m is ClusterEvent.MemberExited e && e.Member.Address == address, ClusterNodes.Patience);
        Assert.DoesNotContain(Akka.Cluster.Cluster.Get(A).State.Members, m => m.Address == address);
        await b.WhenTerminated.WaitAsync(ClusterNodes.Patience); // its system stopped by itself
        await AwaitViewAsync(A, view => Assert.DoesNotContain(view, l => l.Node == address));
    }

    [Fact]
    public async Task A_node_can_drain_itself()
    {
        var b = StartNode();
        await AwaitUpAsync(A, b);
        await Listeners.Get(b).StartAsync("api", ClusterNodes.Listener());

        var result = await ClusterListeners.Get(b).DrainNodeAsync(b.Address(), TimeSpan.FromSeconds(5));

        Assert.Equal(DrainOutcome.Drained, result.Listeners["api"].Outcome);
        await b.WhenTerminated.WaitAsync(ClusterNodes.Patience); // its system stopped by itself
        await AwaitAssertAsync(() => Assert.DoesNotContain(Akka.Cluster.Cluster.Get(A).State.Members, m => m.Address == result.Node),
            ClusterNodes.Patience, TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Draining_a_node_that_is_not_a_member_names_it()
    {
        await AwaitUpAsync(A);
        var stranger = new Address("akka.tcp", "actor-recorder", "127.0.0.1", 2);

        var error = await Assert.ThrowsAsync<ClusterNodeNotFoundException>(() => ClusterListeners.Get(A).DrainNodeAsync(stranger, TimeSpan.FromSeconds(1)));

        Assert.Equal(stranger, error.Node);
        Assert.Contains(A.Address().ToString(), error.Message); // the members there are
    }
}

using ActorRecorder.Cluster.Tests.Support;
using ActorRecorder.Http;
using Akka.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Cluster.Tests.InProcess;

/// <summary>
/// A command to a node that stopped answering fails with a timeout that names the node, never hangs: at once when the
/// failure detector already says so, after the command's own bound otherwise. The resolver here waits a minute, so
/// the dead node stays an unreachable member for the whole spec.
/// </summary>
public sealed class UnreachableNodeSpec(ITestOutputHelper output) : ClusterSpec(output, Patient())
{
    [Fact]
    public async Task A_command_to_a_node_that_went_silent_fails_with_a_timeout_naming_the_node()
    {
        var c = StartNode(Patient(A.Address()), NodeFailureSpec.DiesSilently);
        await AwaitUpAsync(A, c);
        await Listeners.Get(c).StartAsync("c-api", ClusterNodes.Listener());
        var address = c.Address();
        var cluster = ClusterListeners.Get(A);
        var unreachable = CreateTestProbe();
        Akka.Cluster.Cluster.Get(A).Subscribe(unreachable.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.UnreachableMember));

        await c.Terminate();
        // Sent before the failure detector has noticed: no answer comes, and the wait ends at its bound.
        var silent = await Assert.ThrowsAsync<ClusterNodeUnreachableException>(() => cluster.DrainAsync(address, "c-api", TimeSpan.FromSeconds(1)));
        Assert.Equal(address, silent.Node);
        Assert.Contains(address.ToString(), silent.Message);

        unreachable.FishForMessage(m => m is ClusterEvent.UnreachableMember u && u.Member.Address == address, ClusterNodes.Patience);
        // Now the failure detector says so: the command fails at once, saying why.
        var known = await Assert.ThrowsAsync<ClusterNodeUnreachableException>(() => cluster.StopAsync(address, "c-api"));
        Assert.Contains("unreachable", known.Message);
        Assert.Contains(address.ToString(), known.Message);
    }

    private static ActorRecorderClusterOptions Patient(params Akka.Actor.Address[] seeds)
    {
        var options = ClusterNodes.Options(seeds);
        options.StableAfter = TimeSpan.FromMinutes(1);
        options.RequestTimeout = TimeSpan.FromSeconds(2);
        return options;
    }
}

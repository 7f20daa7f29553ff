using ActorRecorder.Cluster.Tests.Support;
using ActorRecorder.Http;
using Akka.Actor;
using Akka.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Cluster.Tests.InProcess;

/// <summary>A node that gets corrupt bytes, or a manifest it does not know, logs and drops that message, and runs on.</summary>
public sealed class CorruptMessageSpec(ITestOutputHelper output) : ClusterSpec(output)
{
    private const string Tampering = """akka.actor.serializers.actor-recorder = "ActorRecorder.Cluster.Tests.InProcess.TamperingSerializer, ActorRecorder.Cluster.Tests" """;

    [Fact]
    public async Task Corrupt_bytes_and_an_unknown_manifest_are_rejected_and_logged_and_the_node_keeps_running()
    {
        var b = StartNode(extra: Tampering);
        await AwaitUpAsync(A, b);
        await Listeners.Get(A).StartAsync("api", ClusterNodes.Listener());
        var agentOnA = await b.ActorSelection(new RootActorPath(A.Address()) / "system" / "actor-recorder-listeners").ResolveOne(ClusterNodes.Patience);

        // Corrupt JSON under a known manifest: A's remoting logs it with the manifest, and StopListener never runs.
        await EventFilter.Warning(contains: "manifest [stop-listener]").ExpectOneAsync(ClusterNodes.Patience,
            () =>
            {
                agentOnA.Tell(new StopListener("api"));
                return Task.CompletedTask;
            });
        // A manifest A does not know.
        await EventFilter.Warning(contains: "manifest [from-the-future]").ExpectOneAsync(ClusterNodes.Patience,
            () =>
            {
                agentOnA.Tell(new DrainNode(TimeSpan.Zero));
                return Task.CompletedTask;
            });

        // A runs on: its listener is still there, nobody is unreachable, and the same link from B carries a good command.
        Assert.Equal(["api"], await Listeners.Get(A).ListAsync());
        Assert.Empty(Akka.Cluster.Cluster.Get(A).State.Unreachable);
        Assert.Contains(Akka.Cluster.Cluster.Get(A).State.Members, m => m.Address == b.Address() && m.Status == MemberStatus.Up);
        var result = await ClusterListeners.Get(b).DrainAsync(A.Address(), "api", TimeSpan.FromSeconds(5));
        Assert.Equal(DrainOutcome.Drained, result.Outcome);
        Assert.Empty(await Listeners.Get(A).ListAsync());
    }
}

using ActorRecorder.Cluster.Tests.Support;
using ActorRecorder.Http;
using Akka.Actor;
using Akka.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Cluster.Tests.InProcess;

/// <summary>Three actor systems in this process, remoting on 127.0.0.1, joined through A.</summary>
public sealed class ThreeNodeSpec(ITestOutputHelper output) : ClusterSpec(output)
{
    [Fact]
    public async Task A_listener_started_on_B_appears_in_As_view_with_Bs_address_and_endpoint()
    {
        var b = StartNode();
        var c = StartNode();
        await AwaitUpAsync(A, b, c);

        var started = await Listeners.Get(b).StartAsync("api", ClusterNodes.Listener());

        await AwaitViewAsync(A, view =>
        {
            var listener = Assert.Single(view, l => l.Name == "api");
            Assert.Equal(b.Address(), listener.Node);
            Assert.Equal(started.Endpoint, listener.Endpoint);
            Assert.Equal(ListenerStatus.Accepting, listener.Status);
        });
        // And in C's: every node has the same view.
        await AwaitViewAsync(c, view => Assert.Contains(view, l => l.Name == "api" && l.Node == b.Address()));
    }

    [Fact]
    public async Task A_drains_Bs_listener_and_gets_Bs_DrainResult_then_the_listener_is_gone_everywhere()
    {
        var b = StartNode();
        await AwaitUpAsync(A, b);
        var started = await Listeners.Get(b).StartAsync("api", ClusterNodes.Listener());
        await AwaitViewAsync(A, view => Assert.Contains(view, l => l.Name == "api"));

        var result = await ClusterListeners.Get(A).DrainAsync(b.Address(), "api", TimeSpan.FromSeconds(5));

        Assert.Equal(DrainOutcome.Drained, result.Outcome);
        Assert.Equal(0, result.Remaining);
        Assert.Empty(await Listeners.Get(b).ListAsync());
        await AwaitViewAsync(A, view => Assert.DoesNotContain(view, l => l.Name == "api"));
        // Drained on B: its port is free again.
        using var probe = new System.Net.Sockets.TcpListener(started.Endpoint);
        probe.Start();
    }

    [Fact]
    public async Task A_stops_Cs_listener()
    {
        var b = StartNode();
        var c = StartNode();
        await AwaitUpAsync(A, b, c);
        await Listeners.Get(c).StartAsync("web", ClusterNodes.Listener());
        await Listeners.Get(b).StartAsync("web", ClusterNodes.Listener());
        await AwaitViewAsync(A, view => Assert.Equal(2, view.Count(l => l.Name == "web")));

        await ClusterListeners.Get(A).StopAsync(c.Address(), "web");

        Assert.Empty(await Listeners.Get(c).ListAsync());
        Assert.Equal(["web"], await Listeners.Get(b).ListAsync());
        await AwaitViewAsync(b, view => Assert.Equal(b.Address(), Assert.Single(view).Node));
    }

    [Fact]
    public async Task An_unknown_node_or_name_gives_a_typed_error_naming_it()
    {
        var b = StartNode();
        await AwaitUpAsync(A, b);
        var cluster = ClusterListeners.Get(A);
        var nowhere = new Address("akka.tcp", "actor-recorder", "127.0.0.1", 1);

        var node = await Assert.ThrowsAsync<ClusterNodeNotFoundException>(() => cluster.DrainAsync(nowhere, "api", TimeSpan.FromSeconds(1)));
        Assert.Equal(nowhere, node.Node);
        Assert.Contains("127.0.0.1:1", node.Message);
        await Assert.ThrowsAsync<ClusterNodeNotFoundException>(() => cluster.StopAsync(nowhere, "api"));

        var name = await Assert.ThrowsAsync<ListenerNotFoundException>(() => cluster.StopAsync(b.Address(), "no-such"));
        Assert.Equal("no-such", name.Listener);
        Assert.Contains(b.Address().ToString(), name.Message);
        await Assert.ThrowsAsync<ListenerNotFoundException>(() => cluster.DrainAsync(b.Address(), "no-such", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task C_terminated_is_removed_from_As_and_Bs_views_and_a_watcher_on_A_gets_Terminated()
    {
        var b = StartNode();
        var c = StartNode();
        await AwaitUpAsync(A, b, c);
        await Listeners.Get(c).StartAsync("c-api", ClusterNodes.Listener());
        await AwaitViewAsync(A, view => Assert.Contains(view, l => l.Node == c.Address()));
        await AwaitViewAsync(b, view => Assert.Contains(view, l => l.Node == c.Address()));
        var echo = c.ActorOf(Props.Create(() => new Echo()), "echo");
        var remote = await A.ActorSelection(new RootActorPath(c.Address()) / "user" / "echo").ResolveOne(ClusterNodes.Patience);
        Watch(remote);

        await c.Terminate();

        ExpectTerminated(remote, ClusterNodes.Patience);
        foreach (var viewer in new[] { A, b })
        {
            await AwaitAssertAsync(() => Assert.DoesNotContain(Akka.Cluster.Cluster.Get(viewer).State.Members, m => m.Address == c.Address()),
                ClusterNodes.Patience, TimeSpan.FromMilliseconds(100));
            await AwaitViewAsync(viewer, view => Assert.DoesNotContain(view, l => l.Node == c.Address()));
        }
        _ = echo;
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }
}

using ActorRecorder.Cluster.Tests.Support;
using ActorRecorder.Hosting;
using ActorRecorder.Http;
using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Cluster.Tests.Hosting;

/// <summary>
/// A generic host made a cluster node with Akka.Hosting's <c>WithActorRecorderCluster</c> joins the spec's node A; its
/// stop drains its listeners first, and only then does the node leave the cluster.
/// </summary>
public sealed class ClusterHostSpec(ITestOutputHelper output) : ClusterSpec(output)
{
    [Fact]
    public async Task A_hosted_node_joins_serves_in_the_view_and_on_stop_drains_before_it_leaves()
    {
        var options = ClusterNodes.Options(A.Address());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddActorRecorder("actor-recorder", akka => akka
            .AddHocon(ClusterNodes.Fast, HoconAddMode.Append)
            .WithActorRecorderCluster(options)
            .WithListener("hosted", 0, new Routes().Map("/", (_, _) => Task.FromResult(HttpResponse.Text("hello")))));
        builder.Services.AddActorRecorderCluster();
        using var host = builder.Build();
        await host.StartAsync().WaitAsync(ClusterNodes.Patience);
        var system = host.Services.GetRequiredService<ActorSystem>();
        var node = system.Address();
        Assert.Same(ClusterListeners.Get(system), host.Services.GetRequiredService<ClusterListeners>());
        await AwaitUpAsync(A, system);
        await AwaitViewAsync(A, view => Assert.Equal(node, Assert.Single(view, l => l.Name == "hosted").Node));

        // On the node itself, in order: its listener's status changes, and the start of its cluster phases.
        // One actor writes both, so its mailbox's order is the order they happened in.
        var timeline = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var writer = system.ActorOf(Props.Create(() => new Timeline(timeline)));
        system.EventStream.Subscribe(writer, typeof(ListenerStatusChanged));
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeClusterShutdown, "observe", async () =>
        {
            await writer.Ask<string>($"cluster phases, member {Akka.Cluster.Cluster.Get(system).SelfMember.Status}", ClusterNodes.Patience);
            return Akka.Done.Instance;
        });
        var membership = CreateTestProbe();
        Akka.Cluster.Cluster.Get(A).Subscribe(membership.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.MemberLeft), typeof(ClusterEvent.MemberRemoved));

        await host.StopAsync().WaitAsync(ClusterNodes.Patience);

        Assert.Equal(["hosted Draining", "hosted Stopped", "cluster phases, member Up"], timeline);
        // Then it left: A saw it Leaving, then Removed, and no longer lists it.
        membership.FishForMessage(m => m is ClusterEvent.MemberLeft l && l.Member.Address == node, ClusterNodes.Patience);
        membership.FishForMessage(m => m is ClusterEvent.MemberRemoved r && r.Member.Address == node, ClusterNodes.Patience);
        await AwaitViewAsync(A, view => Assert.DoesNotContain(view, l => l.Node == node));
        Assert.True(system.WhenTerminated.IsCompleted);
    }

    /// <summary>Writes each listener status change, and each line it is asked to write, into the timeline.</summary>
    private sealed class Timeline : ReceiveActor
    {
        public Timeline(System.Collections.Concurrent.ConcurrentQueue<string> timeline)
        {
            Receive<ListenerStatusChanged>(e => timeline.Enqueue($"{e.Name} {e.Status}"));
            Receive<string>(line =>
            {
                timeline.Enqueue(line);
                Sender.Tell(line);
            });
        }
    }
}

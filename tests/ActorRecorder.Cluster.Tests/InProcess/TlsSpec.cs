using ActorRecorder.Cluster.Tests.Support;
using ActorRecorder.Hocon;
using ActorRecorder.Hosting;
using ActorRecorder.Http;
using ActorRecorder.Testing;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Cluster.Tests.InProcess;

/// <summary>
/// Nodes that share a self-signed certificate form a cluster over Akka.Remote's TLS; a node with another certificate
/// is refused at the handshake and never becomes a member.
/// </summary>
public sealed class TlsSpec : ClusterSpec
{
    private const string Password = "cluster-secret";
    private static readonly TempDirectory Certificates = new();
    private static readonly string Shared = Pfx("shared");

    public TlsSpec(ITestOutputHelper output)
        : base(output, WithTls(ClusterNodes.Options(), Shared))
    {
    }

    [Fact]
    public async Task Two_nodes_with_the_certificate_form_a_cluster_over_TLS_and_see_each_others_listeners()
    {
        Assert.Equal("akka.ssl.tcp", A.Address().Protocol);
        var b = StartNode(WithTls(ClusterNodes.Options(A.Address()), Shared));
        await AwaitUpAsync(A, b);

        await Listeners.Get(b).StartAsync("api", ClusterNodes.Listener());

        await AwaitViewAsync(A, view => Assert.Equal(b.Address(), Assert.Single(view, l => l.Name == "api").Node));
        var drained = await ClusterListeners.Get(A).DrainAsync(b.Address(), "api", TimeSpan.FromSeconds(5));
        Assert.Equal(DrainOutcome.Drained, drained.Outcome);
    }

    [Fact]
    public void A_node_with_another_certificate_cannot_join()
    {
        var failures = CreateTestProbe();
        Listen(A, failures, "Certificate pinning failed");
        var stranger = StartNode(WithTls(ClusterNodes.Options(A.Address()), Pfx("stranger")));
        Listen(stranger, failures, "Certificate pinning failed");

        // Each side pins its own certificate: the handshake fails on whichever side checks first, and says so; the
        // stranger tries its seed again, and fails again.
        var refused = failures.ExpectMsg<string>(ClusterNodes.Patience);
        failures.ExpectMsg<string>(ClusterNodes.Patience);

        Output.WriteLine($"refused: {refused}");
        Assert.DoesNotContain(Akka.Cluster.Cluster.Get(A).State.Members, m => m.Address == stranger.Address());
        Assert.DoesNotContain(Akka.Cluster.Cluster.Get(stranger).State.Members, m => m.Status == MemberStatus.Up);
    }

    [Fact]
    public async Task A_hosted_node_switches_TLS_on_from_actor_recorder_cluster_tls_and_joins()
    {
        var config = HoconLoader.ParseString($$"""
            actor-recorder.cluster {
              port = 0
              seed-nodes = ["{{A.Address()}}"]
              tls { certificate-path = {{HoconLoader.Quote(Shared)}}, password = {{HoconLoader.Quote(Password)}} }
            }
            """);
        var options = ActorRecorderClusterOptions.FromConfig(config);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddActorRecorder("actor-recorder", akka => akka
            .AddHocon(ClusterNodes.Fast, HoconAddMode.Append)
            .WithActorRecorderCluster(options)
            .WithListener("hosted", 0, new Routes().Map("/", (_, _) => Task.FromResult(HttpResponse.Text("hello")))));
        using var host = builder.Build();
        await host.StartAsync().WaitAsync(ClusterNodes.Patience);
        try
        {
            var node = host.Services.GetRequiredService<ActorSystem>();
            Assert.Equal("akka.ssl.tcp", node.Address().Protocol);
            await AwaitUpAsync(A, node);
            await AwaitViewAsync(A, view => Assert.Equal(node.Address(), Assert.Single(view, l => l.Name == "hosted").Node));
        }
        finally
        {
            await host.StopAsync().WaitAsync(ClusterNodes.Patience);
        }
    }

    [Fact]
    public void A_node_without_TLS_cannot_join()
    {
        var failures = CreateTestProbe();
        Listen(A, failures, "not an SSL/TLS record");
        // It names A's port over plain TCP (akka.ssl.tcp is not its scheme), and A takes no plain connection.
        var plainSeed = new Address("akka.tcp", A.Address().System, A.Address().Host, A.Address().Port);
        var plain = StartNode(ClusterNodes.Options(plainSeed));

        var refused = failures.ExpectMsg<string>(ClusterNodes.Patience);

        Output.WriteLine($"refused: {refused}");
        Assert.DoesNotContain(Akka.Cluster.Cluster.Get(A).State.Members, m => m.Address == plain.Address());
        Assert.DoesNotContain(Akka.Cluster.Cluster.Get(plain).State.Members, m => m.Status == MemberStatus.Up);
    }

    /// <summary>Forwards <paramref name="node"/>'s warnings and errors that contain <paramref name="marker"/> to <paramref name="probe"/>.</summary>
    private static void Listen(ActorSystem node, Akka.TestKit.TestProbe probe, string marker)
    {
        var listener = node.ActorOf(Props.Create(() => new HandshakeFailures(probe.Ref, marker)));
        node.EventStream.Subscribe(listener, typeof(Warning));
        node.EventStream.Subscribe(listener, typeof(Error));
    }

    private static ActorRecorderClusterOptions WithTls(ActorRecorderClusterOptions options, string pfx)
    {
        options.Tls = new ClusterTlsOptions(pfx, Password);
        options.SeedNodes = options.SeedNodes.Select(s => s.Replace("akka.tcp://", "akka.ssl.tcp://", StringComparison.Ordinal)).ToArray();
        return options;
    }

    private static string Pfx(string name)
    {
        var path = Certificates.File($"{name}.pfx");
        SelfSigned.WritePfx(path, Password, $"actor-recorder-{name}", clientAuthentication: true);
        return path;
    }

    /// <summary>Forwards the log lines (message and cause) that tell of a refused TLS connection: those that contain a marker.</summary>
    private sealed class HandshakeFailures : ReceiveActor
    {
        public HandshakeFailures(IActorRef probe, string marker) =>
            Receive<LogEvent>(e =>
            {
                var text = $"{e.Message} {e.Cause}";
                if (text.Contains(marker, StringComparison.Ordinal)) probe.Tell(text);
            });
    }
}

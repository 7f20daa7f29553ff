using ActorRecorder.Cluster.Tests.Support;
using ActorRecorder.Http;
using ActorRecorder.Testing;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
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
        var stranger = StartNode(WithTls(ClusterNodes.Options(A.Address()), Pfx("stranger")));
        // Each side pins its own certificate: the handshake fails on whichever side checks first, and says so.
        foreach (var node in new[] { A, stranger })
        {
            var listener = node.ActorOf(Props.Create(() => new HandshakeFailures(failures.Ref, "Certificate pinning failed")));
            node.EventStream.Subscribe(listener, typeof(Warning));
            node.EventStream.Subscribe(listener, typeof(Error));
        }

        var refused = failures.ExpectMsg<string>(ClusterNodes.Patience);

        Output.WriteLine($"refused: {refused}");
        Assert.DoesNotContain(Akka.Cluster.Cluster.Get(A).State.Members, m => m.Address == stranger.Address());
        Assert.DoesNotContain(Akka.Cluster.Cluster.Get(stranger).State.Members, m => m.Status == MemberStatus.Up);
    }

    [Fact]
    public void A_node_without_TLS_cannot_join()
    {
        var failures = CreateTestProbe();
        var listener = A.ActorOf(Props.Create(() => new HandshakeFailures(failures.Ref, "not an SSL/TLS record")));
        A.EventStream.Subscribe(listener, typeof(Warning));
        A.EventStream.Subscribe(listener, typeof(Error));
        // It names A's port over plain TCP (akka.ssl.tcp is not its scheme), and A takes no plain connection.
        var plainSeed = new Address("akka.tcp", A.Address().System, A.Address().Host, A.Address().Port);
        var plain = StartNode(ClusterNodes.Options(plainSeed));

        var refused = failures.ExpectMsg<string>(ClusterNodes.Patience);

        Output.WriteLine($"refused: {refused}");
        Assert.DoesNotContain(Akka.Cluster.Cluster.Get(A).State.Members, m => m.Address == plain.Address());
        Assert.DoesNotContain(Akka.Cluster.Cluster.Get(plain).State.Members, m => m.Status == MemberStatus.Up);
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

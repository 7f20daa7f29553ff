using ActorRecorder.Cluster.Tests.Support;
using ActorRecorder.Server.Tests.Serving;
using ActorRecorder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Cluster.Tests.Processes;

/// <summary>
/// A serve process the cluster downs: frozen (SIGSTOP) as if behind a partition, it is downed by the other node's
/// split-brain resolver; let run again (SIGCONT), it finds itself cut off and its own resolver downs it (of two nodes,
/// keep-majority keeps the lowest address), so it drains, stops, says it was downed on stderr and exits 3.
/// </summary>
public sealed class DownedServerSpec(ITestOutputHelper output) : IDisposable
{
    private static readonly string Config = ClusterNodes.Fast + """

        akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
        actor-recorder.cluster.split-brain-resolver.stable-after = 3s
        actor-recorder.drain.timeout = 2s
        """;

    private readonly TempDirectory _directory = new();
    private readonly List<ServerProcess> _servers = [];

    [Fact]
    public async Task A_node_downed_while_frozen_stops_and_exits_with_3_saying_it_was_downed()
    {
        if (!OperatingSystem.IsLinux()) return; // SIGSTOP and SIGCONT by Linux's numbers
        var config = Path.Combine(_directory.Path, "cluster.conf");
        await File.WriteAllTextAsync(config, Config);
        // Of two nodes, keep-majority keeps the one with the lowest address: the survivor gets the lower port.
        var ports = FreePorts.Take(2).Order().ToArray();
        var seed = $"akka.tcp://actor-recorder@127.0.0.1:{ports[0]}";
        var survivor = Start(config, "a", ports[0], seed);
        var downed = Start(config, "b", ports[1], seed);
        var downedAddress = await downed.ClusterAddressAsync();
        await survivor.PrintedAsync($"cluster: {downedAddress} up");

        downed.Pause();
        await survivor.PrintedAsync($"cluster: {downedAddress} unreachable");
        await survivor.PrintedAsync($"cluster: {downedAddress} removed");
        downed.Resume();

        Assert.Equal(3, await downed.ExitAsync());
        Assert.Contains("[stderr] actor-recorder: this node was downed by the cluster", downed.Output, StringComparison.Ordinal);
        Assert.Contains("drain: Listener 'default' drained on shutdown", downed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("left the cluster", downed.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var server in _servers) server.Dispose(); // SIGKILL ends a stopped process too
        _directory.Dispose();
    }

    private ServerProcess Start(string config, string name, int clusterPort, string seed)
    {
        var server = ServerProcess.Start(output, "--port", "0", "--config", config, "--recordings", Path.Combine(_directory.Path, name),
            "--cluster-port", clusterPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed);
        _servers.Add(server);
        return server;
    }
}

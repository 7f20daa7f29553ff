using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Tests.Serving;
using ActorRecorder.Server.Tests.Support;
using ActorRecorder.Testing;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Server.Tests.Clustering;

/// <summary><c>cluster drain</c>: one node of a two-node cluster of serve processes takes the other out.</summary>
public sealed class ClusterDrainSpec(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_node_drained_through_another_prints_left_the_cluster_and_exits_0_and_the_other_cannot_drain_itself()
    {
        var seed = $"akka.tcp://actor-recorder@127.0.0.1:{FreePorts.One()}";
        using var a = ServerProcess.Start(output, "--port", "0", "--recordings", Path.Combine(_directory.Path, "a"), "--cluster-port", Port(seed).ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed);
        using var b = ServerProcess.Start(output, "--port", "0", "--recordings", Path.Combine(_directory.Path, "b"), "--cluster-port", "0", "--seed", seed);
        var (_, httpA) = await a.ListeningAsync();
        var addressB = await b.ClusterAddressAsync();
        await a.PrintedAsync($"cluster: {addressB} up");
        var url = $"http://127.0.0.1:{httpA}";
        var nodeA = seed[(seed.IndexOf('@') + 1)..];
        var nodeB = addressB[(addressB.IndexOf('@') + 1)..];

        var self = await CliRunner.RunAsync("cluster", "drain", "--url", url, "--node", nodeA);
        Assert.True(self.ExitCode == ExitCodes.Failure, self.ToString());
        Assert.Contains("send it SIGTERM", self.Error, StringComparison.Ordinal);
        var unknown = await CliRunner.RunAsync("cluster", "drain", "--url", url, "--node", "127.0.0.1:1");
        Assert.True(unknown.ExitCode == ExitCodes.Failure, unknown.ToString());
        Assert.Contains("No member 127.0.0.1:1", unknown.Error, StringComparison.Ordinal);

        var drain = await CliRunner.RunAsync("cluster", "drain", "--url", url, "--node", nodeB, "--timeout", "2s", "--json");

        Assert.True(drain.ExitCode == ExitCodes.Success, drain.ToString());
        var result = Json.Parse(drain.Out);
        Assert.Equal(nodeB, (string?)result["node"]);
        var listener = Assert.Single((JArray)result["listeners"]!);
        Assert.Equal("default", (string?)listener["name"]);
        Assert.Equal("Drained", (string?)listener["outcome"]);
        Assert.Equal(ExitCodes.Success, await b.ExitAsync());
        Assert.Contains("left the cluster: stopped, recordings flushed", b.Output, StringComparison.Ordinal);
        await a.PrintedAsync($"cluster: {addressB} removed");
        var status = await CliRunner.RunAsync("cluster", "status", "--url", url, "--json");
        Assert.True(status.ExitCode == ExitCodes.Success, status.ToString());
        Assert.Equal(nodeA, (string?)Assert.Single((JArray)Json.Parse(status.Out)["members"]!)["node"]);
    }

    [Theory]
    [InlineData("--node 127.0.0.1", "--node", "127.0.0.1")]
    [InlineData("--node 127.0.0.1:4054 --timeout soon", "--timeout", "soon")]
    [InlineData("--node 127.0.0.1:4054 --timeout -1s", "--timeout", "-1s")]
    public async Task A_bad_drain_option_exits_with_2_and_names_it(string args, string option, string value)
    {
        var run = await CliRunner.RunAsync(["cluster", "drain", "--url", "http://127.0.0.1:1", .. args.Split(' ')]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static int Port(string address) => int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}

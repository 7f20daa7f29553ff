using System.Diagnostics;
using ActorRecorder.Cluster.Tests.Support;
using ActorRecorder.Server.Tests.Serving;
using ActorRecorder.Testing;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Cluster.Tests.Processes;

/// <summary>
/// Three <c>actor-recorder serve</c> processes on loopback form a cluster through one seed; one leaves on SIGTERM (drain,
/// leave, exit 0), another is SIGKILLed and downed by the split-brain resolver. Seen through <c>cluster status</c> and the
/// lines each node prints.
/// </summary>
public sealed class ThreeServersSpec(ITestOutputHelper output) : IDisposable
{
    /// <summary>From SIGKILL to the survivor's removal of the dead node: failure detection (3 s pause) plus stable-after (3 s), with room for a busy machine.</summary>
    private static readonly TimeSpan DowningBound = TimeSpan.FromSeconds(30);

    // Failure detection and downing in seconds, not Akka's minutes; the pause is kept at 3 s so that a busy machine
    // (three processes on two cores) does not see a live node as dead.
    private static readonly string Config = ClusterNodes.Fast + """

        akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
        actor-recorder.cluster.split-brain-resolver.stable-after = 3s
        actor-recorder.cluster.view.refresh-interval = 250ms
        actor-recorder.drain.timeout = 2s
        """;

    private readonly TempDirectory _directory = new();
    private readonly List<ServerProcess> _servers = [];

    [Fact]
    public async Task Three_servers_join_through_one_seed_one_leaves_on_SIGTERM_and_a_SIGKILLed_one_is_downed()
    {
        if (OperatingSystem.IsWindows()) return; // no POSIX signals
        var config = Path.Combine(_directory.Path, "cluster.conf");
        await File.WriteAllTextAsync(config, Config);
        var seed = $"akka.tcp://actor-recorder@127.0.0.1:{FreePorts.One()}";
        var seedPort = seed[(seed.LastIndexOf(':') + 1)..];

        var a = Start(config, "a", "--cluster-port", seedPort, "--seed", seed);
        var b = Start(config, "b", "--cluster-port", "0", "--seed", seed);
        var c = Start(config, "c", "--cluster-port", "0", "--seed", seed);
        var (_, httpA) = await a.ListeningAsync();
        Assert.Equal(seed, await a.ClusterAddressAsync());
        var addressB = await b.ClusterAddressAsync();
        var addressC = await c.ClusterAddressAsync();
        foreach (var address in new[] { seed, addressB, addressC }) await a.PrintedAsync($"cluster: {address} up");

        // Every listener reaches the cluster-wide view by Distributed Data, shortly after its node is up.
        var three = await StatusUntilAsync(httpA, s => Listeners(s) == 3, "3 listeners");
        Assert.Equal(new[] { seed, addressB, addressC }.Order(StringComparer.Ordinal), Members(three).Select(m => (string)m["address"]!).Order(StringComparer.Ordinal));
        Assert.All(Members(three), m => Assert.Equal("Up", (string?)m["status"]));
        Assert.All(Members(three), m => Assert.Equal("default", (string?)Assert.Single((JArray)m["listeners"]!)["name"]));
        var text = await ServerProcess.RunAsync("cluster", "status", "--url", $"http://127.0.0.1:{httpA}");
        Assert.True(text.Exit == 0, text.Stderr);
        Assert.Contains("3 members, 3 listeners,", text.Stdout, StringComparison.Ordinal);

        // SIGTERM: the node drains its listener, stops (recordings flushed), leaves the cluster, and exits 0.
        c.Terminate();
        Assert.Equal(0, await c.ExitAsync());
        Assert.Contains("drain: Listener 'default' drained on shutdown", c.Output, StringComparison.Ordinal);
        Assert.Contains($"cluster: {addressC} leaving", c.Output, StringComparison.Ordinal);
        Assert.Contains("stopped: recordings flushed", c.Output, StringComparison.Ordinal);
        await a.PrintedAsync($"cluster: {addressC} removed");
        var two = await StatusUntilAsync(httpA, s => Members(s).Count == 2 && Listeners(s) == 2, "2 members with their 2 listeners");
        Assert.DoesNotContain(Members(two), m => (string?)m["address"] == addressC);

        // SIGKILL: no leave. Of two nodes, keep-majority keeps the side with the lowest address: the other one is killed.
        var (killed, killedAddress, survivor, survivorAddress) = Port(seed) < Port(addressB) ? (b, addressB, a, seed) : (a, seed, b, addressB);
        var (_, httpSurvivor) = await survivor.ListeningAsync();
        var clock = Stopwatch.StartNew();
        killed.Kill();
        await survivor.PrintedAsync($"cluster: {killedAddress} unreachable");
        await survivor.PrintedAsync($"cluster: {killedAddress} removed");
        Assert.True(clock.Elapsed < DowningBound, $"The SIGKILLed node was removed after {clock.Elapsed}, more than {DowningBound}.");
        var one = await StatusUntilAsync(httpSurvivor, s => Members(s).Count == 1, "the survivor alone");
        var alone = Assert.Single(Members(one));
        Assert.Equal(survivorAddress, (string?)alone["address"]);
        Assert.Equal("Up", (string?)alone["status"]);
    }

    public void Dispose()
    {
        foreach (var server in _servers) server.Dispose(); // kills what still runs
        _directory.Dispose();
    }

    private ServerProcess Start(string config, string name, params string[] cluster)
    {
        var server = ServerProcess.Start(output, ["--port", "0", "--config", config, "--recordings", Path.Combine(_directory.Path, name), .. cluster]);
        _servers.Add(server);
        return server;
    }

    /// <summary>
    /// Runs <c>cluster status --json</c> against the node at <paramref name="httpPort"/> until <paramref name="done"/>
    /// holds, within <see cref="ClusterNodes.Patience"/>.
    /// </summary>
    private static async Task<JObject> StatusUntilAsync(int httpPort, Func<JObject, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + ClusterNodes.Patience;
        while (true)
        {
            var run = await ServerProcess.RunAsync("cluster", "status", "--url", $"http://127.0.0.1:{httpPort}", "--json");
            Assert.True(run.Exit == 0, $"exit {run.Exit}: {run.Stderr}");
            var status = JObject.Parse(run.Stdout);
            if (done(status)) return status;
            Assert.True(DateTime.UtcNow < deadline, $"Not {what} within {ClusterNodes.Patience}: {status}");
        }
    }

    private static List<JToken> Members(JObject status) => [.. (JArray)status["members"]!];

    private static int Listeners(JObject status) => Members(status).Sum(m => ((JArray)m["listeners"]!).Count);

    private static int Port(string address) => int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}

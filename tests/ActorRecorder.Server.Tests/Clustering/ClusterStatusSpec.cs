using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Tests.Serving;
using ActorRecorder.Server.Tests.Support;
using ActorRecorder.Testing;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Server.Tests.Clustering;

/// <summary><c>cluster status</c> against serve processes: a lone server, a one-node cluster, no server at all.</summary>
public sealed class ClusterStatusSpec(ITestOutputHelper output) : IDisposable
{
    private const string Token = "spec-token";
    private readonly TempDirectory _directory = new();

    private string Recordings => Path.Combine(_directory.Path, "recordings");

    [Fact]
    public async Task Against_a_server_that_is_no_cluster_node_it_exits_with_3_and_says_so()
    {
        using var server = ServerProcess.Start(output, "--port", "0", "--recordings", Recordings);
        var (_, port) = await server.ListeningAsync();

        var run = await CliRunner.RunAsync("cluster", "status", "--url", $"http://127.0.0.1:{port}");

        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.Contains("is not a cluster node", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Against_an_address_where_nothing_listens_it_exits_with_3_naming_it()
    {
        var run = await CliRunner.RunAsync("cluster", "status", "--url", "http://127.0.0.1:1");

        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.Contains("could not reach http://127.0.0.1:1/api/status", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_node_on_a_cluster_port_in_use_exits_with_3_naming_the_port()
    {
        using var first = ServerProcess.Start(output, "--port", "0", "--cluster-port", "0", "--recordings", Recordings);
        var address = await first.ClusterAddressAsync();
        var port = address[(address.LastIndexOf(':') + 1)..];

        var second = await ServerProcess.RunAsync("--port", "0", "--cluster-port", port, "--recordings", Recordings + "-2");

        Assert.True(second.Exit == ExitCodes.Failure, $"exit {second.Exit}: {second.Stderr}");
        Assert.Contains("could not start", second.Stderr, StringComparison.Ordinal);
        Assert.Contains(port, second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_bad_usage()
    {
        var run = await CliRunner.RunAsync("cluster", "status", "--url", "ws://127.0.0.1:1");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("--url", run.Error, StringComparison.Ordinal);
        Assert.Contains("ws://127.0.0.1:1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_node_cluster_shows_itself_up_with_its_listener_as_json_and_as_text_and_leaves_on_SIGTERM()
    {
        using var server = ServerProcess.Start(output, "--port", "0", "--cluster-port", "0", "--admin-token", Token, "--recordings", Recordings);
        var (_, port) = await server.ListeningAsync();
        var self = await server.ClusterAddressAsync();
        await server.PrintedAsync($"cluster: {self} up");
        var url = $"http://127.0.0.1:{port}";
        var node = self[(self.IndexOf('@') + 1)..];

        var refused = await CliRunner.RunAsync("cluster", "status", "--url", url);
        Assert.True(refused.ExitCode == ExitCodes.Failure, refused.ToString());
        Assert.Contains("--admin-token", refused.Error, StringComparison.Ordinal);

        // The listener reaches the cluster-wide view by Distributed Data, shortly after the node is up.
        var cluster = await UntilAsync(async () =>
        {
            var run = await CliRunner.RunAsync("cluster", "status", "--url", url, "--admin-token", Token, "--json");
            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            return Json.Parse(run.Out);
        }, c => ((JArray)c["members"]![0]!["listeners"]!).Count == 1);
        Assert.Equal(self, (string?)cluster["self"]);
        var member = Assert.Single((JArray)cluster["members"]!);
        Assert.Equal(node, (string?)member["node"]);
        Assert.Equal("Up", (string?)member["status"]);
        Assert.True((bool)member["reachable"]!);
        var listener = Assert.Single((JArray)member["listeners"]!);
        Assert.Equal("default", (string?)listener["name"]);
        Assert.Equal(url, (string?)listener["url"]);
        Assert.Equal("Accepting", (string?)listener["status"]);

        var text = await CliRunner.RunAsync("cluster", "status", "--url", url, "--admin-token", Token);
        Assert.True(text.ExitCode == ExitCodes.Success, text.ToString());
        Assert.Contains("1 member, 1 listener,", text.Out, StringComparison.Ordinal);
        var row = Assert.Single(text.Out.Split('\n'), l => l.Contains(node, StringComparison.Ordinal) && !l.Contains("sees them", StringComparison.Ordinal));
        Assert.Matches(@"\bUp\b.*\bdefault\b.*" + System.Text.RegularExpressions.Regex.Escape(url) + @".*\bAccepting\b", row);

        server.Terminate();
        Assert.Equal(ExitCodes.Success, await server.ExitAsync());
        // "removed" may be lost: the actor that prints it stops with the system. "leaving" comes before.
        Assert.Contains($"cluster: {self} leaving", server.Output, StringComparison.Ordinal);
        Assert.Contains("stopped: recordings flushed", server.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Takes <paramref name="take"/> until <paramref name="done"/> holds, within <see cref="ServerProcess.Patience"/>.</summary>
    private static async Task<JObject> UntilAsync(Func<Task<JObject>> take, Func<JObject, bool> done)
    {
        var deadline = DateTime.UtcNow + ServerProcess.Patience;
        while (true)
        {
            var value = await take();
            if (done(value)) return value;
            Assert.True(DateTime.UtcNow < deadline, $"Not as expected within {ServerProcess.Patience}: {value}");
            await Task.Delay(50);
        }
    }
}

using System.Net.WebSockets;
using System.Text;
using ActorRecorder.Testing;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Server.Tests.Serving;

/// <summary>
/// The status page in a real browser (headless Chromium): the tree renders, a new session shows up without a reload, and a
/// cluster node shows its members and every node's listeners.
/// </summary>
public sealed class StatusPageBrowserSpec(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [ChromiumFact]
    public async Task The_page_renders_the_tree_and_shows_a_new_echo_session_without_a_reload()
    {
        var patience = ServerProcess.Patience;
        using var server = ServerProcess.Start(output, "--port", "0", "--recordings", Path.Combine(_directory.Path, "recordings"));
        var (_, port) = await server.ListeningAsync();
        await using var chromium = await HeadlessChromium.StartAsync(patience);
        try
        {
            await chromium.NavigateAsync($"http://127.0.0.1:{port}/", patience);
            await chromium.UntilAsync("document.readyState === 'complete' && !!document.querySelector('#tree li[data-name=\"default\"][data-kind=\"listener\"]')",
                "listener default in the tree", patience);
            var names = (JArray)(await chromium.EvaluateAsync("[...document.querySelectorAll('#tree li')].map(li => li.dataset.name)", patience))!;
            Assert.Equal(["root", "listeners", "default", "recorders"], names.Select(n => (string)n!));
            await chromium.UntilAsync("document.querySelector('#listeners tbody').innerText.includes('Accepting')", "listener default accepting", patience);
            await chromium.EvaluateAsync("window.notReloaded = true", patience);

            using var socket = new ClientWebSocket();
            using var timeout = new CancellationTokenSource(patience);
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws/echo"), timeout.Token);
            await socket.SendAsync(Encoding.UTF8.GetBytes("hi"), WebSocketMessageType.Text, true, timeout.Token);
            var echo = await socket.ReceiveAsync(new byte[16], timeout.Token); // its handler has started once it answers
            Assert.Equal(2, echo.Count);
            using var http = new HttpClient { Timeout = patience };
            var session = (string)JObject.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/api/status"))["sessions"]![0]!["id"]!;

            await chromium.UntilAsync($"document.querySelector('#sessions tbody').innerText.includes('{session}')", $"session {session} in the sessions table", patience);
            await chromium.UntilAsync($"!!document.querySelector('#tree li[data-name=\"{session}\"][data-kind=\"session\"]')", $"session {session} in the tree", patience);
            await chromium.UntilAsync("document.querySelectorAll('#recorders tbody tr').length === 1", "its recorder", patience);
            Assert.Equal(true, (bool?)await chromium.EvaluateAsync("window.notReloaded === true", patience));
        }
        catch (Exception) when (Dump(chromium))
        {
            throw;
        }
    }

    [ChromiumFact]
    public async Task On_a_cluster_node_the_page_shows_the_members_with_their_state_and_every_nodes_listeners()
    {
        var patience = ServerProcess.Patience;
        using var server = ServerProcess.Start(output, "--port", "0", "--cluster-port", "0", "--recordings", Path.Combine(_directory.Path, "recordings"));
        var (_, port) = await server.ListeningAsync();
        var self = await server.ClusterAddressAsync();
        var node = self[(self.IndexOf('@') + 1)..];
        await using var chromium = await HeadlessChromium.StartAsync(patience);
        try
        {
            await chromium.NavigateAsync($"http://127.0.0.1:{port}/", patience);
            await chromium.UntilAsync("document.getElementById('cluster')?.hidden === false", "the cluster section shown", patience);
            Assert.Equal(self, (string?)await chromium.EvaluateAsync("document.getElementById('cluster-self').textContent", patience));
            await chromium.UntilAsync($"[...document.querySelectorAll('#members tbody tr')].some(tr => tr.innerText.includes('{node} (this node)') && tr.cells[1].innerText === 'Up')",
                $"member {node} Up", patience);
            // The listener reaches the cluster-wide view shortly after the node is up; the live feed brings it without a reload.
            await chromium.UntilAsync($"[...document.querySelectorAll('#cluster-listeners tbody tr')].some(tr => tr.cells[0].innerText === '{node}' && tr.cells[1].innerText === 'default' && tr.cells[3].innerText === 'Accepting')",
                $"listener default of {node}", patience);
        }
        catch (Exception) when (Dump(chromium))
        {
            throw;
        }
    }

    [ChromiumFact]
    public async Task Without_a_cluster_the_page_hides_the_cluster_section()
    {
        var patience = ServerProcess.Patience;
        using var server = ServerProcess.Start(output, "--port", "0", "--recordings", Path.Combine(_directory.Path, "recordings"));
        var (_, port) = await server.ListeningAsync();
        await using var chromium = await HeadlessChromium.StartAsync(patience);
        try
        {
            await chromium.NavigateAsync($"http://127.0.0.1:{port}/", patience);
            await chromium.UntilAsync("document.querySelector('#listeners tbody')?.innerText.includes('Accepting') === true", "the page rendered", patience);
            Assert.Equal(true, (bool?)await chromium.EvaluateAsync("document.getElementById('cluster').hidden", patience));
        }
        catch (Exception) when (Dump(chromium))
        {
            throw;
        }
    }

    public void Dispose() => _directory.Dispose();

    private bool Dump(HeadlessChromium chromium)
    {
        output.WriteLine($"Chromium's log:\n{chromium.Log}");
        return false;
    }
}

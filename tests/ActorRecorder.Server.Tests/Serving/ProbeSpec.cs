using System.Net.WebSockets;
using ActorRecorder.Http;
using ActorRecorder.Server.Serving;
using ActorRecorder.Server.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Server.Tests.Serving;

/// <summary>
/// serve's probes against a listener that really drains. Over the network a draining listener takes no new connection
/// and closes idle ones, so no probe request can reach it then; the probe's answer is checked in process instead.
/// </summary>
public sealed class ProbeSpec(ITestOutputHelper output) : ServerSpec(output)
{
    [Fact]
    public async Task Healthz_and_readyz_answer_200_while_default_accepts_and_503_while_it_drains()
    {
        var listener = await Listeners.Get(Sys).StartAsync(ServeSettings.ListenerName, new ListenerOptions
        {
            Port = 0,
            Routes = new Routes().WebSocket<DrainIgnoringHandler>("/ws"),
        });
        var state = new ServeState(new ServeSettings("test.conf", new ListenerOptions { Port = 0 }, Directory.Path, null, TimeSpan.FromSeconds(10)))
        {
            System = Sys,
            Ready = true,
        };
        Assert.Equal((200, "ok\n"), await ProbeAsync(state, ready: false));
        Assert.Equal((200, "ok\n"), await ProbeAsync(state, ready: true));

        using var socket = new ClientWebSocket();
        using (var timeout = new CancellationTokenSource(Patience))
            await socket.ConnectAsync(new Uri(Url(listener)), timeout.Token);
        var drain = Listeners.Get(Sys).DrainAsync(ServeSettings.ListenerName, Patience);
        await AwaitAssertAsync(async () => Assert.Equal(ListenerStatus.Draining, (await Listeners.Get(Sys).InfoAsync(ServeSettings.ListenerName))!.Status), Patience);
        Assert.Equal((503, "draining\n"), await ProbeAsync(state, ready: false));
        Assert.Equal(503, (await ProbeAsync(state, ready: true)).Status);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        Assert.Equal(DrainOutcome.Drained, (await drain).Outcome);
        Assert.Equal(503, (await ProbeAsync(state, ready: false)).Status); // gone: not healthy either
    }

    private static async Task<(int Status, string Body)> ProbeAsync(ServeState state, bool ready)
    {
        var response = await ServerRoutes.HealthAsync(state, ready, CancellationToken.None);
        return (response.StatusCode, System.Text.Encoding.UTF8.GetString(response.Body.Span));
    }
}

using ActorRecorder.Http.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Handlers;

/// <summary>Loop handler actors: one per request, streaming chunks and Server-Sent Events, told when the client leaves.</summary>
public sealed class LoopHandlerSpec(ITestOutputHelper output) : HttpSpec(output)
{
    [Fact]
    public async Task A_loop_handler_streams_server_sent_events_and_finishes_the_response()
    {
        var listener = await StartAsync("sse", new Routes().Loop("/ticks", Props.Create(() => new TickHandler(TestActor))));
        using var client = Client(listener);
        using var response = await client.GetAsync("/ticks");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("event: tick\nid: 1\ndata: tick 1\n\nevent: tick\nid: 2\ndata: tick 2\n\nevent: tick\nid: 3\ndata: tick 3\n\n", body);
    }

    [Fact]
    public async Task A_client_that_goes_away_is_told_to_the_handler_which_then_stops()
    {
        var listener = await StartAsync("sse", new Routes().Loop("/ticks", Props.Create(() => new TickHandler(TestActor))));
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            using var timeout = new CancellationTokenSource(Patience);
            await tcp.ConnectAsync(System.Net.IPAddress.Loopback, listener.Port, timeout.Token);
            var stream = tcp.GetStream();
            await stream.WriteAsync("GET /ticks?hold HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray(), timeout.Token);
            var received = new System.Text.StringBuilder();
            var buffer = new byte[1024];
            while (!received.ToString().Contains("data: tick 1", StringComparison.Ordinal))
            {
                var n = await stream.ReadAsync(buffer, timeout.Token);
                Assert.NotEqual(0, n);
                received.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, n));
            }
            tcp.Client.LingerState = new System.Net.Sockets.LingerOption(true, 0); // close with a reset: the client is gone at once
        }
        ExpectMsg("client disconnected", Patience);
    }

    [Fact]
    public async Task A_loop_handler_that_crashes_before_writing_gives_500_and_the_next_request_is_served()
    {
        var listener = await StartAsync("sse", new Routes()
            .Loop("/crash", Props.Create(() => new CrashingLoop()))
            .Map("/ok", (_, _) => Task.FromResult(HttpResponse.Text("ok"))));
        using var client = Client(listener);
        Assert.Equal(500, (int)(await client.GetAsync("/crash")).StatusCode);
        Assert.Equal("ok", await client.GetStringAsync("/ok"));
    }

    [Fact]
    public async Task Route_parameters_reach_the_handler()
    {
        var listener = await StartAsync("params", new Routes()
            .Map("/users/:id/files/*path", (request, _) => Task.FromResult(HttpResponse.Json(new { id = request.RouteValues["id"], path = request.RouteValues["path"] }))));
        using var client = Client(listener);
        Assert.Equal("""{"id":"42","path":"a/b c.txt"}""", await client.GetStringAsync("/users/42/files/a/b%20c.txt"));
    }

    private sealed class CrashingLoop : LoopHandler
    {
        protected override void PreStart() => throw new InvalidOperationException("the loop handler crashes at init");
    }
}

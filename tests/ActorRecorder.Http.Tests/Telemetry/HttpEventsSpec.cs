using System.Net;
using System.Net.WebSockets;
using ActorRecorder.Http.Tests.Support;
using ActorRecorder.Recording;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Telemetry;

/// <summary>roadrunner's events on the <c>ActorRecorder.Http</c> DiagnosticListener: connections, requests, exceptions, WebSocket sessions.</summary>
public sealed class HttpEventsSpec(ITestOutputHelper output) : HttpSpec(output)
{
    // The DiagnosticListener is process-wide: each spec's listener has a name no other spec uses.
    private const string Request = "telemetry-request";
    private const string Throwing = "telemetry-exception";
    private const string Sockets = "telemetry-websocket";

    /// <summary>Echoes every message back.</summary>
    private sealed class Echo : WebSocketHandler
    {
        protected override void HandleFrame(Frame f) => Send(f);
    }

    private static Routes Hello() => new Routes().Map("/hello", (_, _) => Task.FromResult(HttpResponse.Text("hello")), "GET");

    private static void AssertRequestId(object? id)
    {
        var text = Assert.IsType<string>(id);
        Assert.Matches("^[0-9a-f]{16}$", text);
    }

    [Fact]
    public async Task One_request_publishes_accept_then_start_and_stop_with_one_request_id_and_status_200()
    {
        using var events = new HttpEvents(Request);
        var info = await StartAsync(Request, Hello());
        using (var client = Client(info))
        {
            Assert.Equal("hello", await client.GetStringAsync("/hello"));
            await AwaitAssertAsync(() => Assert.Single(events.Named("roadrunner.request.stop")), Patience);
        }
        var all = events.All;
        var accept = Assert.Single(all, e => e.Name == "roadrunner.listener.accept");
        var start = Assert.Single(all, e => e.Name == "roadrunner.request.start");
        var stop = Assert.Single(all, e => e.Name == "roadrunner.request.stop");
        var order = all.ToList();
        Assert.True(order.IndexOf(accept) < order.IndexOf(start) && order.IndexOf(start) < order.IndexOf(stop), string.Join("\n", all));
        AssertRequestId(start["request_id"]);
        Assert.Equal(start["request_id"], stop["request_id"]);
        Assert.Equal("GET", start["method"]);
        Assert.Equal("/hello", start["path"]);
        Assert.Equal(200, stop["status"]);
        Assert.IsType<TimeSpan>(stop["duration"]);
        // The peer is the client's address and port, the same on the connection's events and the request's.
        var peer = Assert.IsType<string>(accept["peer"]);
        Assert.StartsWith("127.0.0.1:", peer, StringComparison.Ordinal);
        Assert.Equal(peer, start["peer"]);
        Assert.Equal(peer, stop["peer"]);
        // The client is disposed: its connection closes.
        await AwaitAssertAsync(() => Assert.Equal(peer, Assert.Single(events.Named("roadrunner.listener.conn_close"))["peer"]), Patience);
        Assert.Empty(events.Named("roadrunner.request.exception"));
    }

    [Fact]
    public async Task A_throwing_handler_publishes_an_exception_event_and_the_request_stops_with_500()
    {
        using var events = new HttpEvents(Throwing);
        var info = await StartAsync(Throwing, new Routes().Map("/boom", (_, _) => throw new InvalidOperationException("the handler fails, as asked")));
        using var client = Client(info);
        using var response = await client.GetAsync("/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await AwaitAssertAsync(() => Assert.Single(events.Named("roadrunner.request.stop")), Patience);
        var start = Assert.Single(events.Named("roadrunner.request.start"));
        var exception = Assert.Single(events.Named("roadrunner.request.exception"));
        var stop = Assert.Single(events.Named("roadrunner.request.stop"));
        AssertRequestId(start["request_id"]);
        Assert.Equal(start["request_id"], exception["request_id"]);
        Assert.Equal(start["request_id"], stop["request_id"]);
        Assert.Equal(nameof(InvalidOperationException), exception["kind"]);
        Assert.Equal("the handler fails, as asked", exception["reason"]);
        Assert.IsType<InvalidOperationException>(exception["exception"]);
        Assert.Equal(500, stop["status"]);
        // The listener keeps serving: a second request is a second exception with a new id.
        using var again = await client.GetAsync("/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, again.StatusCode);
        await AwaitAssertAsync(() => Assert.Equal(2, events.Named("roadrunner.request.exception").Count), Patience);
        Assert.NotEqual(exception["request_id"], events.Named("roadrunner.request.exception")[1]["request_id"]);
    }

    [Fact]
    public async Task A_websocket_echo_publishes_the_upgrade_and_each_frame_in_and_out()
    {
        using var events = new HttpEvents(Sockets);
        var info = await StartAsync(Sockets, new Routes().WebSocket("/echo", Akka.Actor.Props.Create(() => new Echo())));
        using var socket = await ConnectAsync(info, "/echo");
        await SendTextAsync(socket, "echo me");
        Assert.Equal((WebSocketMessageType.Text, "echo me"), await ReceiveAsync(socket));
        await AwaitAssertAsync(() => Assert.Single(events.Named("roadrunner.ws.frame_out")), Patience);
        var upgrade = Assert.Single(events.Named("roadrunner.ws.upgrade"));
        var frameIn = Assert.Single(events.Named("roadrunner.ws.frame_in"));
        var frameOut = Assert.Single(events.Named("roadrunner.ws.frame_out"));
        var start = Assert.Single(events.Named("roadrunner.request.start"));
        // The session's id is its upgrade request's id.
        AssertRequestId(upgrade["request_id"]);
        Assert.Equal(start["request_id"], upgrade["request_id"]);
        Assert.Equal(upgrade["request_id"], frameIn["request_id"]);
        Assert.Equal(upgrade["request_id"], frameOut["request_id"]);
        Assert.Equal("text", frameIn["opcode"]);
        Assert.Equal("echo me".Length, frameIn["size"]);
        Assert.Equal("text", frameOut["opcode"]);
        Assert.Equal("echo me".Length, frameOut["size"]);
        var all = events.All.ToList();
        Assert.True(all.IndexOf(upgrade) < all.IndexOf(frameIn) && all.IndexOf(frameIn) < all.IndexOf(frameOut), string.Join("\n", all));
        // The client closes: the closing handshake is recorded in and out, and the upgrade request stops with 101.
        using var timeout = new CancellationTokenSource(Patience);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        await AwaitAssertAsync(() =>
        {
            var stop = Assert.Single(events.Named("roadrunner.request.stop"));
            Assert.Equal(upgrade["request_id"], stop["request_id"]);
            Assert.Equal(101, stop["status"]);
        }, Patience);
        Assert.Equal(["text", "close"], events.Named("roadrunner.ws.frame_in").Select(e => e["opcode"]));
        Assert.Equal(["text", "close"], events.Named("roadrunner.ws.frame_out").Select(e => e["opcode"]));
    }
}

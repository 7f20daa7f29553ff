using System.Net;
using System.Net.WebSockets;
using ActorRecorder.Http.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Draining;

/// <summary>roadrunner's drain cases over real sockets: stop accepting, tell the handlers, count acknowledgements, cut the rest at the deadline.</summary>
public sealed class DrainSpec(ITestOutputHelper output) : HttpSpec(output)
{
    private Routes Sessions(OnDrainMode mode) => new Routes().WebSocket("/ws", Props.Create(() => new DrainingSession(mode, TestActor)));

    [Fact]
    public async Task An_idle_listener_drains_at_once_is_removed_and_its_name_can_be_used_again()
    {
        var listener = await StartAsync("idle", new Routes().Map("/", (_, _) => Task.FromResult(HttpResponse.Text("hi"))));
        var result = await Listeners.DrainAsync("idle", Patience);
        Assert.Equal((DrainOutcome.Drained, 0, 0), (result.Outcome, result.Acknowledged, result.Remaining));
        Assert.True(result.Duration < Patience);
        Assert.DoesNotContain("idle", await Listeners.ListAsync());
        Assert.Null(await Listeners.InfoAsync("idle"));
        Assert.True(await RawHttp.RefusedAsync(listener.Port, Patience));
        var again = await StartAsync("idle", new Routes().Map("/", (_, _) => Task.FromResult(HttpResponse.Text("hi"))));
        using var client = Client(again);
        Assert.Equal("hi", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Draining_an_unknown_listener_names_it()
    {
        var error = await Assert.ThrowsAsync<ListenerNotFoundException>(() => Listeners.DrainAsync("nobody", Patience));
        Assert.Equal("nobody", error.Listener);
        Assert.Contains("'nobody'", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ListenerNotFoundException>(() => Listeners.NotifyDrainAsync("nobody", Patience));
    }

    [Fact]
    public async Task A_loop_handler_that_finishes_on_drain_is_acknowledged_and_the_listener_drains()
    {
        var listener = await StartAsync("loop", new Routes().Loop("/hold", Props.Create(() => new HeldLoop(false, TestActor))));
        using var client = Client(listener);
        using var response = await client.GetAsync("/hold", HttpCompletionOption.ResponseHeadersRead);
        using var body = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("started", await body.ReadLineAsync());
        var result = await Listeners.DrainAsync("loop", Patience);
        Assert.Equal((DrainOutcome.Drained, 1, 0), (result.Outcome, result.Acknowledged, result.Remaining));
        Assert.Equal("draining", await body.ReadLineAsync());
        Assert.Null(await body.ReadLineAsync()); // the response ended
        ExpectMsg("loop stopped");
    }

    [Fact]
    public async Task While_draining_the_status_reads_Draining_and_new_connections_are_refused()
    {
        var listener = await StartAsync("busy", Sessions(OnDrainMode.Ignore));
        using var socket = await ConnectAsync(listener, "/ws");
        Assert.Equal("ready", (await ReceiveAsync(socket)).Text);
        var drain = Listeners.DrainAsync("busy", Patience);
        ExpectMsg("drain ignored");
        Assert.Equal(ListenerStatus.Draining, (await Listeners.InfoAsync("busy"))!.Status);
        Assert.True(await RawHttp.RefusedAsync(listener.Port, Patience));
        Assert.Equal(ListenerStatus.Draining, (await Listeners.InfoAsync("busy"))!.Status);
        Assert.False(drain.IsCompleted);
        // The client leaves: nothing is left, so the drain ends before its deadline.
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "leaving", CancellationToken.None);
        var result = await drain;
        Assert.Equal((DrainOutcome.Drained, 0, 0), (result.Outcome, result.Acknowledged, result.Remaining));
    }

    [Fact]
    public async Task A_session_that_ignores_the_drain_is_cut_at_the_deadline_with_1001()
    {
        var listener = await StartAsync("stubborn", Sessions(OnDrainMode.Ignore));
        using var socket = await ConnectAsync(listener, "/ws");
        Assert.Equal("ready", (await ReceiveAsync(socket)).Text);
        var result = await Listeners.DrainAsync("stubborn", TimeSpan.FromMilliseconds(100));
        Assert.Equal(DrainOutcome.TimedOut, result.Outcome);
        Assert.True(result.Remaining >= 1, $"remaining {result.Remaining}");
        Assert.Equal(0, result.Acknowledged);
        ExpectMsg("drain ignored");
        Assert.Equal(WebSocketMessageType.Close, (await ReceiveAsync(socket)).Type);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        // Really gone: the connection is closed under the socket, and the listener with it.
        await Assert.ThrowsAnyAsync<Exception>(() => socket.SendAsync("x"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None));
        Assert.Null(await Listeners.InfoAsync("stubborn"));
        Assert.True(await RawHttp.RefusedAsync(listener.Port, Patience));
    }

    [Fact]
    public async Task A_loop_handler_that_ignores_the_drain_is_stopped_at_the_deadline_and_its_response_aborted()
    {
        var listener = await StartAsync("stubborn-loop", new Routes().Loop("/hold", Props.Create(() => new HeldLoop(true, TestActor))));
        using var client = Client(listener);
        using var response = await client.GetAsync("/hold", HttpCompletionOption.ResponseHeadersRead);
        using var body = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("started", await body.ReadLineAsync());
        var result = await Listeners.DrainAsync("stubborn-loop", TimeSpan.FromMilliseconds(100));
        Assert.Equal((DrainOutcome.TimedOut, 0), (result.Outcome, result.Acknowledged));
        Assert.True(result.Remaining >= 1, $"remaining {result.Remaining}");
        ExpectMsg("drain ignored");
        ExpectMsg("loop stopped");
        // The chunked response never got its last chunk: reading on fails.
        await Assert.ThrowsAnyAsync<IOException>(() => body.ReadToEndAsync());
    }

    [Fact]
    public async Task An_in_flight_plain_request_completes_with_Connection_close_and_idle_keep_alive_connections_close()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = await StartAsync("slow", new Routes()
            .Map("/slow", async (_, _) =>
            {
                entered.TrySetResult();
                await release.Task;
                return HttpResponse.Text("finished");
            })
            .Map("/quick", (_, _) => Task.FromResult(HttpResponse.Text("quick"))));
        using var idle = await RawAsync(listener);
        await idle.SendAsync(RawHttp.Get("/quick"));
        Assert.Equal("quick", (await idle.ReadResponseAsync())!.Body); // kept alive, now idle
        using var busy = await RawAsync(listener);
        await busy.SendAsync(RawHttp.Get("/slow"));
        await entered.Task.WaitAsync(Patience);
        var drain = Listeners.DrainAsync("slow", Patience);
        await AwaitAssertAsync(async () => Assert.Equal(ListenerStatus.Draining, (await Listeners.InfoAsync("slow"))!.Status), Patience);
        Assert.True(await idle.ClosedAsync()); // the idle keep-alive connection is closed at once
        release.SetResult();
        var answer = (await busy.ReadResponseAsync())!;
        Assert.Equal((200, "finished", true), (answer.Status, answer.Body, answer.Closes));
        Assert.True(await busy.ClosedAsync());
        var result = await drain;
        Assert.Equal((DrainOutcome.Drained, 0), (result.Outcome, result.Remaining));
    }

    [Fact]
    public async Task NotifyDrain_reaches_the_handlers_while_the_listener_keeps_accepting()
    {
        var listener = await StartAsync("notified", Sessions(OnDrainMode.Notice));
        using var socket = await ConnectAsync(listener, "/ws");
        Assert.Equal("ready", (await ReceiveAsync(socket)).Text);
        Assert.Equal(1, await Listeners.NotifyDrainAsync("notified", TimeSpan.FromMinutes(1)));
        Assert.Equal("drain ahead", (await ReceiveAsync(socket)).Text);
        Assert.Equal(ListenerStatus.Accepting, (await Listeners.InfoAsync("notified"))!.Status);
        using var second = await ConnectAsync(listener, "/ws");
        Assert.Equal("ready", (await ReceiveAsync(second)).Text);
        await SendTextAsync(socket, "still here");
        Assert.Equal("still here", (await ReceiveAsync(socket)).Text);
        // The wall-clock form: a deadline already past is told as such.
        Assert.Equal(2, await Listeners.NotifyDrainAsync("notified", DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1)));
        Assert.Equal("drain overdue", (await ReceiveAsync(socket)).Text);
        Assert.Equal("drain overdue", (await ReceiveAsync(second)).Text);
    }

    [Theory]
    [InlineData(OnDrainMode.Default, new string[0], 1001)]
    [InlineData(OnDrainMode.LastMessageThenClose, new[] { "last words" }, 1001)]
    [InlineData(OnDrainMode.Close, new string[0], 4001)]
    public async Task A_WebSocket_handler_answers_the_drain_as_it_chooses_and_is_counted(OnDrainMode mode, string[] lastMessages, int closeCode)
    {
        var listener = await StartAsync("ws-drain", Sessions(mode));
        using var socket = await ConnectAsync(listener, "/ws");
        Assert.Equal("ready", (await ReceiveAsync(socket)).Text);
        var drain = Listeners.DrainAsync("ws-drain", Patience);
        var (messages, status) = await ReceiveUntilCloseAsync(socket);
        Assert.Equal(lastMessages, messages);
        Assert.Equal(closeCode, (int)status);
        var result = await drain;
        Assert.Equal((DrainOutcome.Drained, 1, 0), (result.Outcome, result.Acknowledged, result.Remaining));
    }

    [Fact]
    public async Task A_drain_that_arrives_while_a_session_is_still_starting_reaches_it_after_its_start()
    {
        using var gate = new ManualResetEventSlim();
        var listener = await StartAsync("starting", new Routes().WebSocket("/ws", Props.Create(() => new SlowStartingSession(gate, TestActor))));
        using var socket = await ConnectAsync(listener, "/ws");
        ExpectMsg("starting");
        var drain = Listeners.DrainAsync("starting", Patience);
        await AwaitAssertAsync(async () => Assert.Equal(ListenerStatus.Draining, (await Listeners.InfoAsync("starting"))!.Status), Patience);
        gate.Set();
        var (_, status) = await ReceiveUntilCloseAsync(socket);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status); // the default OnDrain, once started
        var result = await drain;
        Assert.Equal((DrainOutcome.Drained, 1), (result.Outcome, result.Acknowledged));
    }

    [Fact]
    public async Task A_second_drain_joins_the_first_and_gets_the_same_result()
    {
        var listener = await StartAsync("twice", Sessions(OnDrainMode.Ignore));
        using var socket = await ConnectAsync(listener, "/ws");
        Assert.Equal("ready", (await ReceiveAsync(socket)).Text);
        var first = Listeners.DrainAsync("twice", TimeSpan.FromMilliseconds(300));
        ExpectMsg("drain ignored");
        var second = Listeners.DrainAsync("twice", Patience); // joins: its longer timeout does not start a second drain
        var results = await Task.WhenAll(first, second);
        Assert.Equal(DrainOutcome.TimedOut, results[0].Outcome);
        Assert.Same(results[0], results[1]);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // the handler heard one drain only
    }

    [Fact]
    public async Task A_loop_handler_on_HTTP2_hears_the_drain_too()
    {
        var listener = await StartAsync("h2", new Routes().Loop("/hold", Props.Create(() => new HeldLoop(false, TestActor))),
            o => o with { Protocols = ListenerProtocols.Http2 });
        using var client = Client(listener);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hold") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpVersion.Version20, response.Version);
        using var body = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("started", await body.ReadLineAsync());
        var result = await Listeners.DrainAsync("h2", Patience);
        Assert.Equal((DrainOutcome.Drained, 1, 0), (result.Outcome, result.Acknowledged, result.Remaining));
        Assert.Equal("draining", await body.ReadLineAsync());
        Assert.Null(await body.ReadLineAsync());
    }

    [Fact]
    public async Task A_drain_cancelled_by_its_caller_still_runs_to_its_end_and_removes_the_listener()
    {
        var listener = await StartAsync("abandoned", Sessions(OnDrainMode.Ignore));
        using var socket = await ConnectAsync(listener, "/ws");
        Assert.Equal("ready", (await ReceiveAsync(socket)).Text);
        using var cancel = new CancellationTokenSource();
        var drain = Listeners.DrainAsync("abandoned", TimeSpan.FromMilliseconds(200), cancel.Token);
        ExpectMsg("drain ignored");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drain);
        Assert.Equal(WebSocketMessageType.Close, (await ReceiveAsync(socket)).Type);
        await AwaitAssertAsync(async () => Assert.DoesNotContain("abandoned", await Listeners.ListAsync()), Patience);
    }

    /// <summary>Reads messages until the server's close, answers it, and returns the texts and the close status.</summary>
    internal static async Task<(List<string> Messages, WebSocketCloseStatus Status)> ReceiveUntilCloseAsync(ClientWebSocket socket)
    {
        var messages = new List<string>();
        while (true)
        {
            var (type, text) = await ReceiveAsync(socket);
            if (type != WebSocketMessageType.Close)
            {
                messages.Add(text);
                continue;
            }
            if (socket.State == WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            return (messages, socket.CloseStatus!.Value);
        }
    }
}

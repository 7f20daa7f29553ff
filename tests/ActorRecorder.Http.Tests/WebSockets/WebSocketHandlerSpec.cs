using System.Net.WebSockets;
using ActorRecorder.Http.Tests.Support;
using ActorRecorder.Recording;
using ActorRecorder.Testing;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.WebSockets;

/// <summary>WebSocket handler actors end to end over ClientWebSocket: one actor per session, frames, close codes, recording.</summary>
public sealed class WebSocketHandlerSpec(ITestOutputHelper output) : HttpSpec(output)
{
    private static Routes Echo() => new Routes().WebSocket<EchoHandler>("/ws/echo");

    [Fact]
    public async Task A_session_gets_its_own_handler_actor_which_greets_echoes_and_is_counted()
    {
        var listener = await StartAsync("ws", Echo());
        using var socket = await ConnectAsync(listener, "/ws/echo");
        Assert.Equal((WebSocketMessageType.Text, "hello 16"), await ReceiveAsync(socket)); // PreStart is init; the session id has 16 hex characters
        await SendTextAsync(socket, "ping 1");
        Assert.Equal((WebSocketMessageType.Text, "ping 1"), await ReceiveAsync(socket));
        Assert.Equal(1, (await Listeners.InfoAsync("ws"))!.WebSocketSessions);
        using var second = await ConnectAsync(listener, "/ws/echo");
        Assert.Equal("hello 16", (await ReceiveAsync(second)).Text);
        await AwaitAssertAsync(async () => Assert.Equal(2, (await Listeners.InfoAsync("ws"))!.WebSocketSessions), Patience);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        await AwaitAssertAsync(async () => Assert.Equal(1, (await Listeners.InfoAsync("ws"))!.WebSocketSessions), Patience);
    }

    [Fact]
    public async Task Fragments_are_reassembled_into_one_message_and_binary_stays_binary()
    {
        var listener = await StartAsync("ws", Echo());
        using var socket = await ConnectAsync(listener, "/ws/echo");
        await ReceiveAsync(socket);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync("par"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: false, timeout.Token);
        await socket.SendAsync("ts"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        Assert.Equal((WebSocketMessageType.Text, "parts"), await ReceiveAsync(socket));
        await socket.SendAsync(new byte[] { 0, 1, 2, 255 }, WebSocketMessageType.Binary, true, timeout.Token);
        Assert.Equal(WebSocketMessageType.Binary, (await ReceiveAsync(socket)).Type);
    }

    [Fact]
    public async Task A_handler_that_crashes_closes_its_session_with_1011_and_the_listener_serves_on()
    {
        var listener = await StartAsync("ws", Echo());
        using var socket = await ConnectAsync(listener, "/ws/echo");
        await ReceiveAsync(socket);
        await SendTextAsync(socket, "crash");
        Assert.Equal(WebSocketMessageType.Close, (await ReceiveAsync(socket)).Type);
        Assert.Equal(WebSocketCloseStatus.InternalServerError, socket.CloseStatus);
        using var next = await ConnectAsync(listener, "/ws/echo");
        Assert.Equal("hello 16", (await ReceiveAsync(next)).Text);
    }

    [Theory]
    [InlineData("close", 4000)]
    [InlineData("bye", 1000)]
    public async Task A_handler_closes_the_socket_with_Close_or_by_stopping(string command, int code)
    {
        var listener = await StartAsync("ws", Echo());
        using var socket = await ConnectAsync(listener, "/ws/echo");
        await ReceiveAsync(socket);
        await SendTextAsync(socket, command);
        Assert.Equal(WebSocketMessageType.Close, (await ReceiveAsync(socket)).Type);
        Assert.Equal(code, (int)socket.CloseStatus!);
    }

    [Fact]
    public async Task A_message_over_max_message_size_closes_with_1009()
    {
        var listener = await StartAsync("ws", Echo(), o => o with { MaxFrameSize = 1024, MaxMessageSize = 1024 });
        using var socket = await ConnectAsync(listener, "/ws/echo");
        await ReceiveAsync(socket);
        await SendTextAsync(socket, new string('x', 2000));
        Assert.Equal(WebSocketMessageType.Close, (await ReceiveAsync(socket)).Type);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
        await AwaitAssertAsync(async () => Assert.Equal(1, (await Listeners.InfoAsync("ws"))!.Rejected), Patience);
    }

    [Fact]
    public async Task A_frame_over_max_frame_size_closes_with_1009_and_smaller_fragments_of_a_larger_message_pass()
    {
        var listener = await StartAsync("ws", Echo(), o => o with { MaxFrameSize = 1024, MaxMessageSize = 4096 });
        using (var fragmented = await ConnectAsync(listener, "/ws/echo"))
        {
            await ReceiveAsync(fragmented);
            using var timeout = new CancellationTokenSource(Patience);
            await fragmented.SendAsync(new byte[1000].Select(_ => (byte)'a').ToArray(), WebSocketMessageType.Text, endOfMessage: false, timeout.Token);
            await fragmented.SendAsync(new byte[1000].Select(_ => (byte)'b').ToArray(), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
            Assert.Equal(2000, (await ReceiveAsync(fragmented)).Text.Length); // two frames of 1000: within both limits
        }
        using var socket = await ConnectAsync(listener, "/ws/echo");
        await ReceiveAsync(socket);
        await SendTextAsync(socket, new string('x', 2000)); // one frame of 2000: over max-frame-size, within max-message-size
        Assert.Equal(WebSocketMessageType.Close, (await ReceiveAsync(socket)).Type);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
        await AwaitAssertAsync(async () => Assert.Equal(1, (await Listeners.InfoAsync("ws"))!.Rejected), Patience);
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_text_message_closes_with_1007()
    {
        var listener = await StartAsync("ws", Echo());
        using var socket = await ConnectAsync(listener, "/ws/echo");
        await ReceiveAsync(socket);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync(new byte[] { 0xC3, 0x28 }, WebSocketMessageType.Text, true, timeout.Token);
        Assert.Equal(WebSocketMessageType.Close, (await ReceiveAsync(socket)).Type);
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
    }

    [Fact]
    public async Task Stopping_the_listener_stops_its_sessions_and_closes_their_sockets()
    {
        var listener = await StartAsync("ws", Echo());
        using var socket = await ConnectAsync(listener, "/ws/echo");
        await ReceiveAsync(socket);
        var stopping = Listeners.StopAsync("ws");
        Assert.Equal(WebSocketMessageType.Close, (await ReceiveAsync(socket)).Type);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        Assert.True(await stopping);
    }

    [Fact]
    public async Task A_recorded_echo_session_has_every_frame_in_order_with_the_close()
    {
        using var directory = new TempDirectory();
        var listener = await StartAsync("rec", Echo(), o => o with { RecordTo = directory.Path });
        using (var socket = await ConnectAsync(listener, "/ws/echo"))
        {
            await ReceiveAsync(socket);
            foreach (var text in new[] { "one", "two", "three" })
            {
                await SendTextAsync(socket, text);
                await ReceiveAsync(socket);
            }
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        // The recorder is stopped when the session ends, so the file is complete once it is closed.
        string? file = null;
        await AwaitAssertAsync(async () =>
        {
            file = Assert.Single(Directory.GetFiles(Path.Combine(directory.Path, "rec"), "*.jsonl"));
            var entries = await ReadAsync(file);
            Assert.Equal(9, entries.Count);
        }, Patience);
        var recorded = (await ReadAsync(file!)).Select(e => (e.Direction, e.Frame)).ToArray();
        Assert.Equal(
        [
            (Direction.Out, Frame.Text("hello 16")),
            (Direction.In, Frame.Text("one")), (Direction.Out, Frame.Text("one")),
            (Direction.In, Frame.Text("two")), (Direction.Out, Frame.Text("two")),
            (Direction.In, Frame.Text("three")), (Direction.Out, Frame.Text("three")),
            (Direction.In, Frame.Close(1000, "bye")), (Direction.Out, Frame.Close(1000, "")),
        ], recorded);
        Assert.Matches(@"^\d{8}T\d{6}-[0-9a-f]{16}\.jsonl$", Path.GetFileName(file!));
    }

    [Fact]
    public async Task A_route_records_its_sessions_where_it_says_and_other_routes_are_not_recorded()
    {
        using var directory = new TempDirectory();
        var routes = new Routes().WebSocket<EchoHandler>("/ws/recorded", recordTo: directory.Path).WebSocket<EchoHandler>("/ws/plain");
        var listener = await StartAsync("routes", routes);
        foreach (var path in new[] { "/ws/plain", "/ws/recorded" })
        {
            using var socket = await ConnectAsync(listener, path);
            await ReceiveAsync(socket);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        await AwaitAssertAsync(async () =>
        {
            var file = Assert.Single(Directory.GetFiles(Path.Combine(directory.Path, "routes"), "*.jsonl"));
            Assert.Equal(3, (await ReadAsync(file)).Count); // the greeting and the two closes of the one recorded session
        }, Patience);
    }

    [Fact]
    public async Task A_crashed_handlers_recording_is_complete_with_the_1011_close()
    {
        using var directory = new TempDirectory();
        var listener = await StartAsync("rec", Echo(), o => o with { RecordTo = directory.Path });
        using (var socket = await ConnectAsync(listener, "/ws/echo"))
        {
            await ReceiveAsync(socket);
            await SendTextAsync(socket, "crash");
            await ReceiveAsync(socket);
        }
        await AwaitAssertAsync(async () =>
        {
            var file = Assert.Single(Directory.GetFiles(Path.Combine(directory.Path, "rec"), "*.jsonl"));
            var entries = await ReadAsync(file);
            Assert.Equal((Direction.In, Frame.Text("crash")), (entries[1].Direction, entries[1].Frame));
            Assert.Equal((Direction.Out, FrameType.Close, (ushort)1011), (entries[^1].Direction, entries[^1].Type, entries[^1].Frame.CloseCode));
        }, Patience);
    }

    [Fact]
    public async Task A_message_sent_to_the_handler_actor_from_elsewhere_is_handle_info()
    {
        var listener = await StartAsync("ws", Echo());
        using var socket = await ConnectAsync(listener, "/ws/echo");
        await ReceiveAsync(socket);
        var listeners = await Recording.RootSupervisor.Get(Sys).ListenersAsync();
        var listenerRef = (await Otp.SupervisorExtensions.WhichChildrenAsync(listeners)).Single().Child!;
        // The session's handler is the listener's only child.
        var handler = await Sys.ActorSelection(listenerRef.Path / "*").ResolveOne(Patience);
        handler.Tell("pushed from another actor", ActorRefs.NoSender);
        Assert.Equal("pushed from another actor", (await ReceiveAsync(socket)).Text);
    }

    private static async Task<List<RecordedEntry>> ReadAsync(string file)
    {
        var entries = new List<RecordedEntry>();
        await foreach (var entry in RecordingReader.ReadAsync(file)) entries.Add(entry);
        return entries;
    }
}

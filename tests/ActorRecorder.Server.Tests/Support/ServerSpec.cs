using System.Net.WebSockets;
using System.Text;
using ActorRecorder.Http;
using ActorRecorder.Recording;
using ActorRecorder.Testing;
using Akka.Configuration;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Server.Tests.Support;

/// <summary>A spec with an actor system whose listeners serve (and record) WebSocket sessions on loopback, with bounded waits.</summary>
public abstract class ServerSpec(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString(SpecConfig.Text), output: output)
{
    /// <summary>Every network wait in the specs is bounded by this.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected TempDirectory Directory { get; } = new();

    /// <summary>Starts listener <paramref name="name"/> on an ephemeral loopback port with <typeparamref name="THandler"/> at /ws, recording when asked.</summary>
    protected Task<ListenerInfo> StartAsync<THandler>(string name, bool record = false) where THandler : WebSocketHandler, new()
    {
        var options = new ListenerOptions
        {
            Port = 0,
            Routes = new Routes().WebSocket<THandler>("/ws"),
            RecordTo = record ? Directory.Path : null,
        };
        return Listeners.Get(Sys).StartAsync(name, options);
    }

    /// <summary>What <see cref="RecordEchoSessionAsync"/> sends: two short texts, the largest frame, a binary frame.</summary>
    protected static readonly Frame[] EchoMessages =
    [
        Frame.Text("one"),
        Frame.Text("two"),
        Frame.Text("the largest frame of the session"),
        Frame.Binary(new byte[] { 0, 1, 2, 255 }),
    ];

    /// <summary>
    /// A recorded session on a listener named "echo" with <see cref="EchoHandler"/>: out hello, then in/out for each of
    /// <see cref="EchoMessages"/>, then in close (1000, "bye") and out close: 11 entries. The listener keeps serving.
    /// </summary>
    protected async Task<(ListenerInfo Listener, string File)> RecordEchoSessionAsync()
    {
        var listener = await StartAsync<EchoHandler>("echo", record: true);
        return (listener, await RecordSessionAsync(listener, EchoMessages));
    }

    protected static string Url(ListenerInfo listener) => $"ws://127.0.0.1:{listener.Port}/ws";

    /// <summary>
    /// A client session on a recording listener: the greeting (when <paramref name="greets"/>), then each message and
    /// its answer, then a close. Returns the recording once its recorder has written the closes (it stops with the session).
    /// </summary>
    protected async Task<string> RecordSessionAsync(ListenerInfo listener, IReadOnlyList<Frame> messages, bool greets = true)
    {
        using (var socket = new ClientWebSocket())
        {
            using var timeout = new CancellationTokenSource(Patience);
            await socket.ConnectAsync(new Uri(Url(listener)), timeout.Token);
            if (greets) await ReceiveAsync(socket, timeout.Token);
            foreach (var message in messages)
            {
                var (type, bytes) = message.Type == FrameType.Text
                    ? (WebSocketMessageType.Text, Encoding.UTF8.GetBytes(message.TextData!))
                    : (WebSocketMessageType.Binary, message.Payload.ToArray());
                await socket.SendAsync(bytes, type, endOfMessage: true, timeout.Token);
                await ReceiveAsync(socket, timeout.Token);
            }
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        }
        string? file = null;
        await AwaitAssertAsync(async () =>
        {
            file = Assert.Single(System.IO.Directory.GetFiles(Path.Combine(Directory.Path, listener.Name), "*.jsonl"));
            var closes = 0;
            await foreach (var entry in RecordingReader.ReadAsync(file)) closes += entry.Type == FrameType.Close ? 1 : 0;
            Assert.Equal(2, closes);
        }, Patience);
        return file!;
    }

    protected static async Task<List<RecordedEntry>> ReadAsync(string file)
    {
        var entries = new List<RecordedEntry>();
        await foreach (var entry in RecordingReader.ReadAsync(file)) entries.Add(entry);
        return entries;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Directory.Dispose();
    }

    private static async Task ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (!(await socket.ReceiveAsync(buffer, cancellationToken)).EndOfMessage)
        {
        }
    }
}

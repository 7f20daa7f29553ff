using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Event;
using ActorRecorder.Recording;

namespace ActorRecorder.Http;

/// <summary>
/// One WebSocket session's connection side: reads messages (reassembled, size-limited) and hands them to the
/// handler actor, writes what the actor sends from a queue, does the closing handshake, and records every frame
/// when the listener records: an incoming one before the handler sees it, an outgoing one once it is sent.
/// </summary>
internal sealed class WebSocketSession : IHandlerConnection
{
    /// <summary>How long a closing handshake may take before the connection is aborted.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private readonly ListenerState _state;
    private readonly WebSocket _socket;
    private readonly Channel<Frame> _outbox = Channel.CreateUnbounded<Frame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _abort = new();
    private readonly ILoggingAdapter _log;
    private IActorRef? _recorder;
    private IActorRef _handler = ActorRefs.Nobody;
    private int _closing;

    private WebSocketSession(ListenerState state, HttpRequestContext request, WebSocket socket)
    {
        _state = state;
        Request = request;
        _socket = socket;
        _log = Logging.GetLogger(state.System, $"listener-{state.Name}");
    }

    public HttpRequestContext Request { get; }

    private string? Peer => Request.Peer?.ToString();

    /// <summary>Upgrades the request and serves the session until it ends.</summary>
    public static async Task ServeAsync(ListenerState state, IActorRef listener, Props handler, HttpRequestContext request)
    {
        var http = request.Http;
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Upgrade = "websocket";
            return;
        }
        var socket = await http.WebSockets.AcceptWebSocketAsync(new Microsoft.AspNetCore.Http.WebSocketAcceptContext
        {
            DangerousEnableCompression = state.Options.PerMessageDeflate,
        }).ConfigureAwait(false);
        var session = new WebSocketSession(state, request, socket);
        await session.RunAsync(listener, handler, http.RequestAborted).ConfigureAwait(false);
    }

    private async Task RunAsync(IActorRef listener, Props handler, CancellationToken aborted)
    {
        using var link = aborted.Register(() => _abort.Cancel());
        _state.Counters.SessionOpened();
        HttpTelemetry.ActiveSessions.Add(1, new KeyValuePair<string, object?>("listener", _state.Name));
        HttpTelemetry.Publish("roadrunner.ws.upgrade", () => Payload());
        try
        {
            _recorder = await StartRecorderAsync().ConfigureAwait(false);
            _handler = await listener.Ask<IActorRef>(new ListenerActor.StartHandler(handler, this), TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            var writer = WriteAsync();
            await ReadAsync().ConfigureAwait(false);
            _outbox.Writer.TryComplete();
            await writer.ConfigureAwait(false);
        }
        finally
        {
            _abort.Cancel();
            _handler.Tell(Ended.Instance);
            _state.Counters.SessionClosed();
            HttpTelemetry.ActiveSessions.Add(-1, new KeyValuePair<string, object?>("listener", _state.Name));
            if (_recorder is not null) await StopRecorderAsync(_recorder).ConfigureAwait(false);
            _socket.Dispose();
        }
    }

    private async Task ReadAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult result;
                try
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), _abort.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
                {
                    // The client went away, broke the protocol (ASP.NET Core has closed with 1002 or 1007), or the listener stopped.
                    if (_socket.CloseStatus is { } status) Reject($"closed {(int)status}");
                    return;
                }
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Record(Direction.In, Frame.Close((ushort)(_socket.CloseStatus ?? WebSocketCloseStatus.Empty), _socket.CloseStatusDescription ?? ""));
                    Close((ushort)(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "");
                    return;
                }
                if (message.WrittenCount + result.Count > _state.Options.MaxMessageSize)
                {
                    Reject("message_too_big");
                    Close((ushort)WebSocketCloseStatus.MessageTooBig, $"message over {_state.Options.MaxMessageSize} bytes");
                    await DrainUntilClosedAsync(buffer).ConfigureAwait(false);
                    return;
                }
                message.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage) continue;
                var frame = result.MessageType == WebSocketMessageType.Text
                    ? Frame.Text(Encoding.UTF8.GetString(message.WrittenSpan))
                    : Frame.Binary(message.WrittenSpan.ToArray());
                message.Clear();
                Record(Direction.In, frame);
                _handler.Tell(new FrameReceived(frame));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>After we sent a close, reads (and drops) until the client's close arrives or the grace runs out.</summary>
    private async Task DrainUntilClosedAsync(byte[] buffer)
    {
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        grace.CancelAfter(CloseGrace);
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), grace.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close) return;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(_abort.Token).ConfigureAwait(false))
            {
                if (frame.Type == FrameType.Close)
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        using var grace = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
                        grace.CancelAfter(CloseGrace);
                        await _socket.CloseOutputAsync((WebSocketCloseStatus)frame.CloseCode, frame.CloseReason, grace.Token).ConfigureAwait(false);
                        Record(Direction.Out, frame);
                    }
                    return;
                }
                if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
                var (type, data) = frame.Type == FrameType.Text
                    ? (WebSocketMessageType.Text, (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(frame.TextData!))
                    : (WebSocketMessageType.Binary, frame.Payload);
                await _socket.SendAsync(data, type, endOfMessage: true, _abort.Token).ConfigureAwait(false);
                Record(Direction.Out, frame);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            _abort.Cancel(); // the connection is gone: stop reading too
        }
    }

    /// <summary>Queues a message from the handler; after a close, nothing more is sent.</summary>
    public void Send(Frame frame)
    {
        if (frame.Type is not (FrameType.Text or FrameType.Binary))
            throw new ArgumentException($"Send takes text or binary frames; use Close for a close frame (got {frame.Type}).", nameof(frame));
        if (Volatile.Read(ref _closing) == 0) _outbox.Writer.TryWrite(frame);
    }

    /// <summary>Queues the close frame, once; what was queued before it is sent first.</summary>
    public void Close(ushort code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0) return;
        _outbox.Writer.TryWrite(Frame.Close(code, reason));
        _outbox.Writer.TryComplete();
    }

    /// <inheritdoc />
    public void HandlerStopped(bool crashed)
    {
        // The socket closes when the actor stops: 1000, or 1011 when it crashed. Its close frame follows what it sent.
        Close((ushort)(crashed ? WebSocketCloseStatus.InternalServerError : WebSocketCloseStatus.NormalClosure), crashed ? "handler crashed" : "");
        _ = CloseSoonAsync();
    }

    /// <summary>Aborts the connection when the client does not answer the close in time.</summary>
    private async Task CloseSoonAsync()
    {
        try
        {
            await Task.Delay(CloseGrace, _abort.Token).ConfigureAwait(false);
            _abort.Cancel();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Record(Direction direction, Frame frame)
    {
        HttpTelemetry.Frames.Add(1, new("listener", _state.Name), new("direction", direction == Direction.In ? "in" : "out"));
        var name = direction == Direction.In ? "roadrunner.ws.frame_in" : "roadrunner.ws.frame_out";
        HttpTelemetry.Publish(name, () => Payload(("opcode", frame.Type.ToString().ToLowerInvariant()), ("size", Size(frame))));
        _recorder?.Tell(new Record(direction, frame));
    }

    private void Reject(string reason)
    {
        _state.Counters.Rejection();
        HttpTelemetry.Rejections.Add(1, new("listener", _state.Name), new("reason", reason));
        HttpTelemetry.Publish("roadrunner.ws.frame_rejected", () => Payload(("reason", reason)));
    }

    private async Task<IActorRef?> StartRecorderAsync()
    {
        if (_state.Options.RecordTo is not { } root) return null;
        var path = Path.Combine(root, _state.Name, $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Request.RequestId}.jsonl");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return await Recorder.StartAsync(_state.System, path).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The session never depends on its recording.
            _state.Counters.RecordingFailed();
            _log.Warning(e, "Listener '{0}': session {1} is not recorded: {2}", _state.Name, Request.RequestId, e.Message);
            return null;
        }
    }

    private async Task StopRecorderAsync(IActorRef recorder)
    {
        try
        {
            await Recorder.StopAsync(recorder).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _state.Counters.RecordingFailed();
            _log.Warning(e, "Listener '{0}': the recording of session {1} did not close cleanly: {2}", _state.Name, Request.RequestId, e.Message);
        }
    }

    private static int Size(Frame frame) => frame.Type switch
    {
        FrameType.Text => Encoding.UTF8.GetByteCount(frame.TextData!),
        FrameType.Close => Encoding.UTF8.GetByteCount(frame.CloseReason!) + 2,
        _ => frame.Payload.Length,
    };

    private IReadOnlyDictionary<string, object?> Payload(params (string Key, object? Value)[] more) =>
        Connections.Payload(_state, Peer, [("request_id", Request.RequestId), .. more]);

    /// <summary>A complete message from the client, for the handler.</summary>
    internal sealed record FrameReceived(Frame Frame);

    /// <summary>The session has ended: the handler stops.</summary>
    internal sealed class Ended
    {
        public static readonly Ended Instance = new();
    }
}

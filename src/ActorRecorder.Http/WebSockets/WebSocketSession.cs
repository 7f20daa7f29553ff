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

    // A reply can arrive before the send it answers has been recorded; incoming frames wait for the send in progress,
    // so the recording keeps the order the peer saw.
    private readonly SemaphoreSlim _sendRecorded = new(1, 1);
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
            _sendRecorded.Dispose();
        }
    }

    private async Task ReadAsync()
    {
        while (true)
        {
            // An idle session holds no buffer: a zero-byte read waits for the next message, then one is rented for it.
            ValueWebSocketReceiveResult first;
            try
            {
                first = await _socket.ReceiveAsync(Memory<byte>.Empty, _abort.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                Gone();
                return;
            }
            if (first.MessageType == WebSocketMessageType.Close)
            {
                await _sendRecorded.WaitAsync().ConfigureAwait(false);
                _sendRecorded.Release();
                Record(Direction.In, Frame.Close((ushort)(_socket.CloseStatus ?? WebSocketCloseStatus.Empty), _socket.CloseStatusDescription ?? ""));
                Close((ushort)(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "");
                return;
            }
            if (!await ReadMessageAsync(first).ConfigureAwait(false)) return;
        }
    }

    /// <summary>Reads one message whose first (possibly empty) part has arrived; false when the session is over.</summary>
    private async Task<bool> ReadMessageAsync(ValueWebSocketReceiveResult first)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        var result = first;
        try
        {
            while (!result.EndOfMessage)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                try
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), _abort.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
                {
                    Gone();
                    return false;
                }
                if (result.MessageType == WebSocketMessageType.Close) return false;
                length += result.Count;
                if (length > _state.Options.MaxMessageSize)
                {
                    Reject("message_too_big");
                    Close((ushort)WebSocketCloseStatus.MessageTooBig, $"message over {_state.Options.MaxMessageSize} bytes");
                    await DrainUntilClosedAsync(buffer).ConfigureAwait(false);
                    return false;
                }
            }
            var frame = first.MessageType == WebSocketMessageType.Text
                ? Frame.Text(Encoding.UTF8.GetString(buffer, 0, length))
                : Frame.Binary(buffer.AsSpan(0, length).ToArray());
            await _sendRecorded.WaitAsync().ConfigureAwait(false);
            try
            {
                Record(Direction.In, frame);
            }
            finally
            {
                _sendRecorded.Release();
            }
            _handler.Tell(new FrameReceived(frame));
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The client went away, broke the protocol (ASP.NET Core has closed with 1002 or 1007), or the listener stopped.</summary>
    private void Gone()
    {
        if (_socket.CloseStatus is { } status) Reject($"closed {(int)status}");
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
                        await _sendRecorded.WaitAsync(grace.Token).ConfigureAwait(false);
                        try
                        {
                            await _socket.CloseOutputAsync((WebSocketCloseStatus)frame.CloseCode, frame.CloseReason, grace.Token).ConfigureAwait(false);
                            Record(Direction.Out, frame);
                        }
                        finally
                        {
                            _sendRecorded.Release();
                        }
                    }
                    return;
                }
                if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
                var (type, data) = frame.Type == FrameType.Text
                    ? (WebSocketMessageType.Text, (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(frame.TextData!))
                    : (WebSocketMessageType.Binary, frame.Payload);
                await _sendRecorded.WaitAsync(_abort.Token).ConfigureAwait(false);
                try
                {
                    await _socket.SendAsync(data, type, endOfMessage: true, _abort.Token).ConfigureAwait(false);
                    Record(Direction.Out, frame);
                }
                finally
                {
                    _sendRecorded.Release();
                }
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

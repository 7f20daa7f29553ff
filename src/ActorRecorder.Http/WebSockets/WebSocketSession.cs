using System.Buffers;
using System.Net.WebSockets;
using System.Text;
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

    /// <summary>How long past a drain's deadline a session has to finish its closing handshake (1001) before its connection is aborted.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromMilliseconds(500);

    private readonly ListenerState _state;
    private WebSocket _socket = null!; // set by the upgrade, before anything uses it
    // What the handler sent and the socket has not yet: a pump drains it while there is something to send, so an idle
    // session holds no writer task.
    private Queue<Frame>? _outbox; // made on the first send
    private Task _pump = Task.CompletedTask;
    private bool _pumping;
    private CancellationTokenSource? _abortSource; // made when first needed: an idle session waits without one

    // A reply can arrive before the send it answers has been recorded; incoming frames wait for the send in progress,
    // so the recording keeps the order the peer saw.
    private readonly SemaphoreSlim? _sendRecorded;
    private readonly byte[] _head = new byte[64]; // also the outbox's lock: it lives as long as the session
    private IActorRef? _recorder;
    private IActorRef _handler = ActorRefs.Nobody;
    private int _closing;

    private readonly string? _recordTo;
    private Task? _run; // the session, from upgrade to close

    private WebSocketSession(ListenerState state, HttpRequestContext request, string? recordTo)
    {
        _state = state;
        _recordTo = recordTo;
        Request = request;
        if (recordTo is not null) _sendRecorded = new SemaphoreSlim(1, 1); // only a recording needs the order kept
    }

    public HttpRequestContext Request { get; }

    private string? Peer => Request.Peer?.ToString();

    /// <summary>Only a failure to record is logged; most sessions never need the logger.</summary>
    private ILoggingAdapter Log => Logging.GetLogger(_state.System, $"listener-{_state.Name}");

    /// <summary>Upgrades the request and serves the session until it ends.</summary>
    public static Task ServeAsync(ListenerState state, IActorRef listener, Route route, HttpRequestContext request)
    {
        var http = request.Http;
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Upgrade = "websocket";
            return Task.CompletedTask;
        }
        var session = new WebSocketSession(state, request, route.RecordTo ?? state.Options.RecordTo);
        var run = session.RunAsync(listener, route.Props!);
        Volatile.Write(ref session._run, run);
        return run;
    }

    private async Task RunAsync(IActorRef listener, Props handler)
    {
        var http = Request.Http;
        _socket = await http.WebSockets.AcceptWebSocketAsync(new Microsoft.AspNetCore.Http.WebSocketAcceptContext
        {
            DangerousEnableCompression = _state.Options.PerMessageDeflate,
        }).ConfigureAwait(false);
        // No registration on RequestAborted: when Kestrel aborts the connection, the pending receive fails, which ends the session.
        _state.Counters.SessionOpened();
        HttpTelemetry.ActiveSessions.Add(1, new KeyValuePair<string, object?>("listener", _state.Name));
        HttpTelemetry.Publish("roadrunner.ws.upgrade", () => Payload());
        try
        {
            _recorder = await StartRecorderAsync().ConfigureAwait(false);
            _handler = await listener.Ask<IActorRef>(new ListenerActor.StartHandler(handler, this), TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            // Read inline, not in a method of its own: an idle session then waits in one async frame, not two.
            while (true)
            {
                // An idle session holds only a small buffer for the start of the next message; a larger one is rented for the rest.
                ValueWebSocketReceiveResult first;
                try
                {
                    // No token: an idle receive then registers nothing; Abort() ends it by aborting the socket.
                    first = await _socket.ReceiveAsync(_head.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
                {
                    await GoneAsync(e).ConfigureAwait(false);
                    break;
                }
                if (first.MessageType == WebSocketMessageType.Close)
                {
                    await EnterSendOrderAsync().ConfigureAwait(false);
                    _sendRecorded?.Release();
                    Record(Direction.In, Frame.Close((ushort)(_socket.CloseStatus ?? WebSocketCloseStatus.Empty), _socket.CloseStatusDescription ?? ""));
                    Close((ushort)(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "");
                    break;
                }
                if (!await ReadMessageAsync(first).ConfigureAwait(false)) break;
            }
            Interlocked.Exchange(ref _closing, 1); // nothing more is queued; what was is still sent
            await PumpDoneAsync().ConfigureAwait(false);
        }
        finally
        {
            AbortSource.Cancel();
            _handler.Tell(Ended.Instance);
            _state.Counters.SessionClosed();
            HttpTelemetry.ActiveSessions.Add(-1, new KeyValuePair<string, object?>("listener", _state.Name));
            if (_recorder is not null) await StopRecorderAsync(_recorder).ConfigureAwait(false);
            _socket.Dispose();
            _sendRecorded?.Dispose();
        }
    }

    /// <summary>Reads one message whose first part is in <see cref="_head"/>; false when the session is over.</summary>
    private async Task<bool> ReadMessageAsync(ValueWebSocketReceiveResult first)
    {
        if (first.EndOfMessage) return await DeliverAsync(Message(first.MessageType, _head.AsSpan(0, first.Count))).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        _head.AsSpan(0, first.Count).CopyTo(buffer);
        var length = first.Count;
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
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), AbortSource.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
                {
                    await GoneAsync(e).ConfigureAwait(false);
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
            return await DeliverAsync(Message(first.MessageType, buffer.AsSpan(0, length))).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Frame Message(WebSocketMessageType type, ReadOnlySpan<byte> data) =>
        type == WebSocketMessageType.Text ? Frame.Text(Encoding.UTF8.GetString(data)) : Frame.Binary(data.ToArray());

    /// <summary>Records a whole message and hands it to the handler.</summary>
    private async Task<bool> DeliverAsync(Frame frame)
    {
        await EnterSendOrderAsync().ConfigureAwait(false);
        try
        {
            Record(Direction.In, frame);
        }
        finally
        {
            _sendRecorded?.Release();
        }
        _handler.Tell(new FrameReceived(frame));
        return true;
    }

    /// <summary>
    /// The client went away, broke the protocol, or the listener stopped. On a protocol error (invalid UTF-8, a bad
    /// frame) ASP.NET Core sends the close (1007, 1002) and aborts its socket at once; the connection is kept a moment,
    /// until the client hangs up, so that the close frame reaches it rather than a reset.
    /// </summary>
    private async Task GoneAsync(Exception error)
    {
        if (FrameLimitStream.Of(Request.Http) is { FrameTooBig: true } limited)
        {
            await CloseTooBigFrameAsync(limited.Inner).ConfigureAwait(false);
            return;
        }
        if (_socket.State != WebSocketState.Aborted || Aborted) return; // stopped by us
        if (error is WebSocketException { WebSocketErrorCode: WebSocketError.ConnectionClosedPrematurely } or IOException) return; // the client left
        Reject("protocol_error");
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), AbortSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// A client frame was over max-frame-size: ASP.NET Core's WebSocket has aborted, so the close 1009 is written here,
    /// straight on the connection, and the connection kept until the client hangs up (at most a second).
    /// </summary>
    private async Task CloseTooBigFrameAsync(Stream connection)
    {
        Reject("frame_too_big");
        var reason = System.Text.Encoding.UTF8.GetBytes($"frame over {_state.Options.MaxFrameSize} bytes");
        var frame = new byte[4 + reason.Length];
        frame[0] = 0x88; // FIN, close
        frame[1] = (byte)(2 + reason.Length);
        frame[2] = (byte)((int)WebSocketCloseStatus.MessageTooBig >> 8);
        frame[3] = (byte)((int)WebSocketCloseStatus.MessageTooBig & 0xFF);
        reason.CopyTo(frame, 4);
        try
        {
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(AbortSource.Token);
            grace.CancelAfter(TimeSpan.FromSeconds(1));
            await connection.WriteAsync(frame, grace.Token).ConfigureAwait(false);
            await connection.FlushAsync(grace.Token).ConfigureAwait(false);
            Record(Direction.Out, Frame.Close((ushort)WebSocketCloseStatus.MessageTooBig, $"frame over {_state.Options.MaxFrameSize} bytes"));
            using var hungUp = CancellationTokenSource.CreateLinkedTokenSource(grace.Token, Request.Http.RequestAborted);
            await Task.Delay(Timeout.Infinite, hungUp.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>After we sent a close, reads (and drops) until the client's close arrives or the grace runs out.</summary>
    private async Task DrainUntilClosedAsync(byte[] buffer)
    {
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(AbortSource.Token);
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

    /// <summary>Sends the queued frames in order, then ends; the next Send starts it again.</summary>
    private async Task PumpAsync()
    {
        try
        {
            while (true)
            {
                Frame frame;
                lock (_head)
                {
                    if (_outbox is null || !_outbox.TryDequeue(out frame))
                    {
                        _pumping = false;
                        return;
                    }
                }
                if (!await SendOneAsync(frame).ConfigureAwait(false))
                {
                    lock (_head)
                    {
                        _outbox?.Clear();
                        _pumping = false;
                    }
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            lock (_head)
            {
                _outbox?.Clear();
                _pumping = false;
            }
            Abort(); // the connection is gone: stop reading too
        }
    }

    /// <summary>Sends one frame and records it; false when nothing more may be sent (a close went out, or the socket is closed).</summary>
    private async Task<bool> SendOneAsync(Frame frame)
    {
        if (frame.Type == FrameType.Close)
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var grace = CancellationTokenSource.CreateLinkedTokenSource(AbortSource.Token);
                grace.CancelAfter(CloseGrace);
                await EnterSendOrderAsync(grace.Token).ConfigureAwait(false);
                try
                {
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)frame.CloseCode, frame.CloseReason, grace.Token).ConfigureAwait(false);
                    Record(Direction.Out, frame);
                }
                finally
                {
                    _sendRecorded?.Release();
                }
            }
            return false;
        }
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return false;
        var (type, data) = frame.Type == FrameType.Text
            ? (WebSocketMessageType.Text, (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(frame.TextData!))
            : (WebSocketMessageType.Binary, frame.Payload);
        await EnterSendOrderAsync(AbortSource.Token).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(data, type, endOfMessage: true, AbortSource.Token).ConfigureAwait(false);
            Record(Direction.Out, frame);
        }
        finally
        {
            _sendRecorded?.Release();
        }
        return true;
    }

    private void Enqueue(Frame frame)
    {
        lock (_head)
        {
            (_outbox ??= new Queue<Frame>()).Enqueue(frame);
            if (_pumping) return;
            _pumping = true;
            _pump = PumpAsync();
        }
    }

    /// <summary>Waits until everything queued has been sent (or dropped with the connection).</summary>
    private async Task PumpDoneAsync()
    {
        while (true)
        {
            Task pump;
            lock (_head)
            {
                if (!_pumping) return;
                pump = _pump;
            }
            await pump.ConfigureAwait(false);
        }
    }

    /// <summary>Queues a message from the handler; after a close, nothing more is sent.</summary>
    public void Send(Frame frame)
    {
        if (frame.Type is not (FrameType.Text or FrameType.Binary))
            throw new ArgumentException($"Send takes text or binary frames; use Close for a close frame (got {frame.Type}).", nameof(frame));
        if (Volatile.Read(ref _closing) == 0) Enqueue(frame);
    }

    /// <summary>Queues the close frame, once; what was queued before it is sent first.</summary>
    public void Close(ushort code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0) return;
        Enqueue(Frame.Close(code, reason));
    }

    /// <inheritdoc />
    public void HandlerStopped(bool crashed)
    {
        // The socket closes when the actor stops: 1000, or 1011 when it crashed. Its close frame follows what it sent.
        Close((ushort)(crashed ? WebSocketCloseStatus.InternalServerError : WebSocketCloseStatus.NormalClosure), crashed ? "handler crashed" : "");
        _ = CloseSoonAsync();
    }

    /// <inheritdoc />
    public async Task ShutdownAsync()
    {
        Close((ushort)WebSocketCloseStatus.EndpointUnavailable, "drain deadline passed");
        try
        {
            // A client that answers the close at once ends the session cleanly; one that does not is aborted shortly.
            await (Volatile.Read(ref _run) ?? Task.Delay(ShutdownGrace)).WaitAsync(ShutdownGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        Abort();
    }

    /// <summary>Aborts the connection when the client does not answer the close in time.</summary>
    private async Task CloseSoonAsync()
    {
        try
        {
            await Task.Delay(CloseGrace, AbortSource.Token).ConfigureAwait(false);
            Abort();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private ValueTask EnterSendOrderAsync(CancellationToken cancellationToken = default) =>
        _sendRecorded is null ? ValueTask.CompletedTask : new ValueTask(_sendRecorded.WaitAsync(cancellationToken));

    private CancellationTokenSource AbortSource => LazyInitializer.EnsureInitialized(ref _abortSource);

    private bool Aborted => _abortSource?.IsCancellationRequested == true;

    /// <summary>Ends the session's I/O: what waits on the token stops, and so does a receive, which waits without one.</summary>
    private void Abort()
    {
        AbortSource.Cancel();
        _socket.Abort();
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
        _state.CountRejection(reason);
        HttpTelemetry.Publish("roadrunner.ws.frame_rejected", () => Payload(("reason", reason)));
    }

    private async Task<IActorRef?> StartRecorderAsync()
    {
        if (_recordTo is not { } root) return null;
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
            Log.Warning(e, "Listener '{0}': session {1} is not recorded: {2}", _state.Name, Request.RequestId, e.Message);
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
            Log.Warning(e, "Listener '{0}': the recording of session {1} did not close cleanly: {2}", _state.Name, Request.RequestId, e.Message);
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

using System.Net.WebSockets;
using ActorRecorder.Recording;
using ActorRecorder.Server.Recordings;

namespace ActorRecorder.Server.Replay;

/// <summary>
/// Plays the client's side of a recording to a live server: opens a WebSocket, sends the client's text and binary
/// frames in order (with RecordingReplay, so in real time when asked), collects every answer, waits a bounded time for
/// the outstanding ones, then closes the socket.
/// </summary>
internal static class WebSocketReplay
{
    private const string ClosingReason = "replay finished";

    public static async Task<ReplayOutcome> RunAsync(RecordingInput input, ReplayScript script, ReplaySettings settings, Action onSent, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await ConnectAsync(socket, settings, cancellationToken).ConfigureAwait(false);
        using var collector = new AnswerCollector(socket, cancellationToken);
        try
        {
            var (count, interruption) = await SendAllAsync(socket, collector, input, settings, script.Requests, onSent, cancellationToken).ConfigureAwait(false);
            await collector.WaitForAsync(script.Expected.Count, settings.Timeout, cancellationToken).ConfigureAwait(false);
            await CloseAsync(socket, collector, settings.Timeout).ConfigureAwait(false);
            return new ReplayOutcome(count, collector.Answers, interruption, socket.CloseStatus, socket.CloseStatusDescription);
        }
        finally
        {
            // The collector must have stopped before it is disposed: aborting ends its pending receive at once.
            if (!collector.Completion.IsCompleted) socket.Abort();
            await collector.Completion.ConfigureAwait(false);
        }
    }

    private static async Task ConnectAsync(ClientWebSocket socket, ReplaySettings settings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            await socket.ConnectAsync(settings.Url, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplayConnectException(settings.Url, new TimeoutException($"no answer within {settings.Timeout.TotalSeconds:0.###} s", e));
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException)
        {
            throw new ReplayConnectException(settings.Url, e.InnerException is { } inner && e is WebSocketException ? inner : e);
        }
    }

    private static async Task<(long Sent, string? Interruption)> SendAllAsync(ClientWebSocket socket, AnswerCollector collector, RecordingInput input,
        ReplaySettings settings, long requests, Action onSent, CancellationToken cancellationToken)
    {
        long count = 0;
        // A server that closes (or a broken connection) ends the sending: nothing more can be delivered.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = collector.Completion.ContinueWith(_ => CancelQuietly(stop), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            // Malformed lines were reported by the script's pass: this pass skips them silently.
            await RecordingReplay.ReplayAsync(input.Path, async (entry, token) =>
            {
                if (!ReplayScript.IsData(entry) || !settings.RecordedBy.IsFromClient(entry)) return;
                // Not the stop token: a server that closes stops the waiting between frames, not a send under way, which
                // would leave a frame the server has already answered uncounted.
                await SendAsync(socket, entry.Frame, settings.Timeout, cancellationToken).ConfigureAwait(false);
                count++;
                onSent();
            }, new ReplayOptions { Realtime = settings.Realtime }, stop.Token).ConfigureAwait(false);
            return (count, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && collector.Completion.IsCompleted)
        {
            // In real time the replay also waits out the recorded gaps after the last client frame; a close then is no interruption.
            if (count == requests) return (count, null);
            return (count, collector.Failure is { } failure ? $"the connection broke ({failure})" : $"the server closed the connection ({Describe(socket)})");
        }
        catch (TimeoutException e)
        {
            return (count, e.Message);
        }
        catch (WebSocketException e)
        {
            return (count, $"the connection broke ({e.Message})");
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, Frame frame, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        var (type, payload) = frame.Type == FrameType.Text
            ? (WebSocketMessageType.Text, (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(frame.TextData!))
            : (WebSocketMessageType.Binary, frame.Payload);
        try
        {
            await socket.SendAsync(payload, type, endOfMessage: true, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"a frame could not be sent within {timeout.TotalSeconds:0.###} s", e);
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket, AnswerCollector collector, TimeSpan timeout)
    {
        using var bounded = new CancellationTokenSource(timeout);
        try
        {
            // Open: we close first and the server answers. CloseReceived: the server closed first and waits for our answer.
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, ClosingReason, bounded.Token).ConfigureAwait(false);
            await collector.Completion.WaitAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // A server that does not finish the close handshake in time costs nothing more: the answers are in.
            socket.Abort();
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The sending was over before the server closed.
        }
    }

    private static string Describe(WebSocket socket) =>
        socket.CloseStatus is { } status ? $"{(int)status} {socket.CloseStatusDescription}".TrimEnd() : "without a close frame";
}

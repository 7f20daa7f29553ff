using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using ActorRecorder.Recording;

namespace ActorRecorder.Server.Replay;

/// <summary>Receives every message the server sends, in order, until it closes or the connection breaks.</summary>
internal sealed class AnswerCollector : IDisposable
{
    private const int ReceiveSize = 16 * 1024;

    private readonly WebSocket _socket;
    private readonly List<Frame> _answers = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>Starts receiving on <paramref name="socket"/>.</summary>
    public AnswerCollector(WebSocket socket, CancellationToken cancellationToken)
    {
        _socket = socket;
        Completion = Task.Run(() => ReceiveAllAsync(cancellationToken), CancellationToken.None);
    }

    /// <summary>Ends when the server's close arrives or the connection breaks; never faults.</summary>
    public Task Completion { get; }

    /// <summary>Why receiving stopped without a close frame, if it did.</summary>
    public string? Failure { get; private set; }

    /// <summary>The answers so far.</summary>
    public IReadOnlyList<Frame> Answers
    {
        get
        {
            lock (_gate) return _answers.ToArray();
        }
    }

    private int Count
    {
        get
        {
            lock (_gate) return _answers.Count;
        }
    }

    /// <summary>Waits until <paramref name="count"/> answers have come, the server closed, or <paramref name="timeout"/> passed.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        while (Count < count && !Completion.IsCompleted)
        {
            var left = timeout - Stopwatch.GetElapsedTime(start);
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left, cancellationToken).ConfigureAwait(false)) return;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _arrived.Dispose();

    private async Task ReceiveAllAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[ReceiveSize];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var bytes = message.ToArray();
                message.SetLength(0);
                var frame = result.MessageType == WebSocketMessageType.Text ? Frame.Text(Encoding.UTF8.GetString(bytes)) : Frame.Binary(bytes);
                lock (_gate) _answers.Add(frame);
                _arrived.Release();
            }
        }
        catch (WebSocketException e)
        {
            Failure = e.Message;
        }
        catch (OperationCanceledException)
        {
            Failure = "cancelled";
        }
        finally
        {
            // Wakes a waiter: nothing more will come.
            _arrived.Release();
        }
    }
}

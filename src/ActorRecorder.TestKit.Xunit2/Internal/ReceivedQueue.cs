using System.Collections.Concurrent;
using ActorRecorder.Actors;

namespace ActorRecorder.TestKit.Xunit2.Internal;

/// <summary>What a test actor received, waited on synchronously or asynchronously with a timeout.</summary>
internal sealed class ReceivedQueue
{
    private readonly ConcurrentQueue<Envelope> _messages = new();
    private readonly SemaphoreSlim _available = new(0);

    public void Add(Envelope envelope)
    {
        _messages.Enqueue(envelope);
        _available.Release();
    }

    public int Count => _messages.Count;

    public bool TryTake(TimeSpan timeout, out Envelope envelope)
    {
        if (!_available.Wait(Clamp(timeout)))
        {
            envelope = default;
            return false;
        }
        return _messages.TryDequeue(out envelope);
    }

    public async Task<Envelope?> TryTakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await _available.WaitAsync(Clamp(timeout), cancellationToken).ConfigureAwait(false)) return null;
        return _messages.TryDequeue(out var envelope) ? envelope : null;
    }

    private static TimeSpan Clamp(TimeSpan timeout) => timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout;
}

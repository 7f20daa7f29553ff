namespace ActorRecorder.Http;

/// <summary>A listener's counters, updated from Kestrel's connection and request tasks and read by its actor.</summary>
internal sealed class ListenerCounters
{
    private long _connections;
    private long _sessions;
    private long _served;
    private long _inFlight;
    private long _rejected;
    private long _recordingFailures;

    public long Connections => Interlocked.Read(ref _connections);

    public long Sessions => Interlocked.Read(ref _sessions);

    public long Served => Interlocked.Read(ref _served);

    /// <summary>Requests begun and not yet answered: a WebSocket session's and a loop handler's request among them.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long RecordingFailures => Interlocked.Read(ref _recordingFailures);

    public long ConnectionOpened() => Interlocked.Increment(ref _connections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _connections);

    public void SessionOpened() => Interlocked.Increment(ref _sessions);

    public void SessionClosed() => Interlocked.Decrement(ref _sessions);

    public void RequestStarted() => Interlocked.Increment(ref _inFlight);

    public void RequestServed()
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _served);
    }

    public void Rejection() => Interlocked.Increment(ref _rejected);

    public void RecordingFailed() => Interlocked.Increment(ref _recordingFailures);
}

namespace ActorRecorder.Actors;

/// <summary>
/// OTP's restart intensity: the restarts of one supervisor in a sliding window of a monotonic
/// clock. Only timestamps inside the window are kept, so memory follows the restart rate.
/// </summary>
internal sealed class RestartWindow
{
    private readonly Queue<long> _restarts = new();
    private long _countWithoutWindow;

    /// <summary>Records a restart now; false when it exceeds the limit.</summary>
    public bool TryRecord(SupervisorStrategy strategy, TimeProvider clock)
    {
        if (strategy.MaxNrOfRetries < 0) return true;
        if (strategy.WithinTimeRange == Timeout.InfiniteTimeSpan) return ++_countWithoutWindow <= strategy.MaxNrOfRetries;

        var now = clock.GetTimestamp();
        var windowTicks = (long)(strategy.WithinTimeRange.TotalSeconds * clock.TimestampFrequency);
        while (_restarts.Count > 0 && now - _restarts.Peek() >= windowTicks) _restarts.Dequeue();
        _restarts.Enqueue(now);
        return _restarts.Count <= strategy.MaxNrOfRetries;
    }

    /// <summary>Forgets all restarts (a restarted supervisor starts with a clean history, as a new OTP process).</summary>
    public void Reset()
    {
        _restarts.Clear();
        _countWithoutWindow = 0;
    }
}

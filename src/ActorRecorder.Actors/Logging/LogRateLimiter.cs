namespace ActorRecorder.Actors;

/// <summary>
/// Lets at most a number of entries through per period and counts the rest, so a crash loop or a
/// flood of dead letters cannot flood the log. Thread-safe.
/// </summary>
internal sealed class LogRateLimiter(int maxPerPeriod, TimeSpan period, TimeProvider clock)
{
    private readonly object _gate = new();
    private long _periodStart = clock.GetTimestamp();
    private int _logged;
    private long _suppressed;

    /// <summary>True if this entry may be logged; <paramref name="suppressedBefore"/> is how many were held back since the last one that was.</summary>
    public bool TryAcquire(out long suppressedBefore)
    {
        suppressedBefore = 0;
        if (maxPerPeriod <= 0) return false;
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            if (clock.GetElapsedTime(_periodStart, now) >= period)
            {
                _periodStart = now;
                _logged = 0;
            }
            if (_logged >= maxPerPeriod)
            {
                _suppressed++;
                return false;
            }
            _logged++;
            suppressedBefore = _suppressed;
            _suppressed = 0;
            return true;
        }
    }
}

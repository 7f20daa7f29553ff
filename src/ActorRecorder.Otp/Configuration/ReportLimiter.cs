namespace ActorRecorder.Otp;

/// <summary>
/// A token bucket shared by every supervisor of a system: at most <c>reports-per-second</c> reports a
/// second, with bursts of that size. What it holds back is counted and mentioned by the next report.
/// </summary>
internal sealed class ReportLimiter(int perSecond, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private double _tokens = perSecond;
    private long _last = clock.GetTimestamp();
    private long _suppressed;

    /// <summary>True when a report may be logged now; <paramref name="suppressed"/> is how many were held back since the last one.</summary>
    public bool TryTake(out long suppressed)
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            _tokens = Math.Min(perSecond, _tokens + (now - _last) * (double)perSecond / clock.TimestampFrequency);
            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                suppressed = _suppressed;
                _suppressed = 0;
                return true;
            }
            _suppressed++;
            suppressed = 0;
            return false;
        }
    }
}

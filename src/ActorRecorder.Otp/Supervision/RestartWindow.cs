namespace ActorRecorder.Otp;

/// <summary>
/// OTP's restart intensity: the restarts of one supervisor, across all its children, in a sliding window
/// of a monotonic clock. Only the timestamps inside the window are kept, so memory follows the restart rate.
/// </summary>
internal sealed class RestartWindow(int intensity, TimeSpan period, TimeProvider clock)
{
    private readonly Queue<long> _restarts = new();
    private readonly long _periodTicks = (long)(period.TotalSeconds * clock.TimestampFrequency);

    /// <summary>Counts a restart now (OTP's <c>add_restart</c>); false when it makes more than the intensity within the period.</summary>
    public bool TryAdd()
    {
        var now = clock.GetTimestamp();
        // OTP keeps a restart while it is no older than the period.
        while (_restarts.Count > 0 && now - _restarts.Peek() > _periodTicks) _restarts.Dequeue();
        _restarts.Enqueue(now);
        return _restarts.Count <= intensity;
    }
}

namespace ActorRecorder.Actors;

/// <summary>
/// Keyed timers of one actor. Each start gets a new generation; a fired message whose generation is
/// no longer current (replaced or cancelled meanwhile) is dropped when it reaches the actor, so a
/// cancelled timer never delivers. Used only from inside the actor.
/// </summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    // Made on first use and dropped when the last timer is gone: most timer users are idle most of the time.
    private Dictionary<object, Entry>? _timers;
    private int _generation;

    public IReadOnlyCollection<object> ActiveTimers => _timers is null ? [] : _timers.Keys.ToList();

    public void StartSingleTimer(object key, object message, TimeSpan timeout) => Start(key, message, timeout, null);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) => Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _timers?.ContainsKey(key) == true;
    }

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_timers is null || !_timers.Remove(key, out var entry)) return;
        entry.Cancelable.Cancel();
        if (_timers.Count == 0) _timers = null;
    }

    public void CancelAll()
    {
        if (_timers is null) return;
        foreach (var entry in _timers.Values) entry.Cancelable.Cancel();
        _timers = null;
    }

    /// <summary>True if <paramref name="fired"/> belongs to the current timer of its key; a single timer is then done.</summary>
    internal bool IsCurrent(TimerFired fired)
    {
        if (_timers is null || !_timers.TryGetValue(fired.Key, out var entry) || entry.Generation != fired.Generation) return false;
        if (!entry.Repeating)
        {
            _timers.Remove(fired.Key);
            if (_timers.Count == 0) _timers = null;
        }
        return true;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var generation = ++_generation;
        var fired = new TimerFired(this, key, generation, message);
        var scheduler = cell.System.Scheduler;
        var cancelable = interval is { } every
            ? scheduler.ScheduleTellRepeatedly(delay, every, cell.Self, fired, null)
            : scheduler.ScheduleTellOnce(delay, cell.Self, fired, null);
        (_timers ??= []).Add(key, new Entry(generation, cancelable, interval is not null));
    }

    private readonly record struct Entry(int Generation, ICancelable Cancelable, bool Repeating);
}

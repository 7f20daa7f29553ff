using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>
/// A hashed timing wheel on one background thread: scheduling is a lock-free enqueue, cancelling
/// sets a flag, and the thread moves new timers into wheel buckets once per tick. Timers cancelled
/// before that (most Ask timeouts) never reach the wheel. When nothing is pending the thread
/// sleeps until a timer is added, so an idle system costs no CPU.
/// </summary>
internal sealed class HashedWheelScheduler : IScheduler, IDisposable
{
    /// <summary>Ticks the thread keeps ticking after the last pending timer before it sleeps (about a second at 10 ms).</summary>
    private const long IdleGraceTicks = 100;

    private readonly ConcurrentQueue<ScheduledItem> _incoming = new();
    private readonly ScheduledItem?[] _wheel;
    private readonly int _mask;
    private readonly long _tickTimestamp;
    private readonly long _start;
    private readonly Thread _thread;
    private readonly object _gate = new();
    private readonly ILogger _log;
    private long _currentTick;
    private long _lastBusyTick;
    private long _pending;
    private volatile bool _stopped;
    private volatile bool _idle;

    public HashedWheelScheduler(string systemName, TimeSpan tick, int ticksPerWheel, ILogger log)
    {
        if (tick < TimeSpan.FromMilliseconds(1))
            throw new ArgumentOutOfRangeException(nameof(tick), tick, "The scheduler tick must be at least 1 ms.");
        if (ticksPerWheel <= 0 || (ticksPerWheel & (ticksPerWheel - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(ticksPerWheel), ticksPerWheel, "The ticks per wheel must be a positive power of two.");
        _wheel = new ScheduledItem?[ticksPerWheel];
        _mask = ticksPerWheel - 1;
        _tickTimestamp = (long)(tick.TotalSeconds * Stopwatch.Frequency);
        _start = Stopwatch.GetTimestamp();
        _log = log;
        _thread = new Thread(Run) { IsBackground = true, Name = $"scheduler-{systemName}" };
        _thread.Start();
    }

    /// <summary>Timers that are scheduled and not yet fired or swept (for tests and diagnostics).</summary>
    public long PendingCount => Interlocked.Read(ref _pending);

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Add(new ScheduledTell(receiver, message, sender), delay, null);
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Add(new ScheduledTell(receiver, message, sender), initialDelay, interval);
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Add(new ScheduledAction(action), delay, null);
    }

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Add(new ScheduledAction(action), initialDelay, interval);
    }

    /// <summary>Runs a cheap, non-blocking callback on the scheduler thread after <paramref name="delay"/>.</summary>
    internal ICancelable ScheduleCallback(TimeSpan delay, Action<object> callback, object state) =>
        Add(new ScheduledCallback(callback, state), delay, null);

    private ScheduledItem Add(ScheduledItem item, TimeSpan delay, TimeSpan? interval)
    {
        if (delay < TimeSpan.Zero || delay == Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay must be zero or positive.");
        if (interval is { } every && every <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), every, "The interval of a repeated timer must be positive.");
        if (_stopped) throw new ObjectDisposedException(nameof(HashedWheelScheduler), "The scheduler has stopped with its actor system.");

        item.DueTimestamp = SaturatingAdd(Stopwatch.GetTimestamp(), ToTimestamp(delay));
        item.IntervalTimestamp = interval is { } i ? Math.Max(1, ToTimestamp(i)) : 0;
        Interlocked.Increment(ref _pending);
        _incoming.Enqueue(item);
        // Pairs with the barrier in WaitForNextTick: either we see the thread idle, or it sees our item.
        Interlocked.MemoryBarrier();
        if (_idle) Wake();
        return item;
    }

    /// <summary>Far beyond any real delay (about 290 years at a 1 ns clock); huge delays saturate to it instead of overflowing.</summary>
    private const long Never = long.MaxValue / 4;

    private static long ToTimestamp(TimeSpan span)
    {
        var ticks = span.TotalSeconds * Stopwatch.Frequency;
        return ticks >= Never ? Never : (long)ticks;
    }

    private static long SaturatingAdd(long a, long b) => b >= Never - a ? Never : a + b;

    private void Wake()
    {
        lock (_gate) Monitor.Pulse(_gate);
    }

    private void Run()
    {
        while (!_stopped)
        {
            try
            {
                WaitForNextTick();
                if (_stopped) break;
                var now = Stopwatch.GetTimestamp();
                var elapsedTick = (now - _start) / _tickTimestamp;
                TransferIncoming();
                // Process every tick that elapsed, so a late wake-up (GC pause, loaded machine) catches up.
                while (_currentTick <= elapsedTick)
                {
                    ProcessBucket(_currentTick);
                    _currentTick++;
                }
            }
            catch (Exception e)
            {
                _log.LogError(e, "The scheduler thread caught an unexpected error; it keeps running.");
            }
        }
    }

    private void WaitForNextTick()
    {
        lock (_gate)
        {
            // Nothing pending for a while: sleep until a timer is added instead of ticking in vain.
            // The grace period keeps a steady stream of short-lived timers (Ask timeouts, cancelled
            // within microseconds) from waking the thread for every one of them.
            while (!_stopped && Interlocked.Read(ref _pending) == 0 && _currentTick - _lastBusyTick > IdleGraceTicks)
            {
                _idle = true;
                Interlocked.MemoryBarrier();
                if (Interlocked.Read(ref _pending) == 0) Monitor.Wait(_gate);
                _idle = false;
                // Resume ticking from the present, not from when the wheel went idle.
                _currentTick = Math.Max(_currentTick, (Stopwatch.GetTimestamp() - _start) / _tickTimestamp);
                _lastBusyTick = _currentTick;
            }
        }
        if (Interlocked.Read(ref _pending) > 0) _lastBusyTick = _currentTick;

        var due = _start + ((_currentTick + 1) * _tickTimestamp);
        var wait = due - Stopwatch.GetTimestamp();
        if (wait > 0)
        {
            lock (_gate) Monitor.Wait(_gate, TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
        }
    }

    private void TransferIncoming()
    {
        while (_incoming.TryDequeue(out var item))
        {
            if (item.IsCancellationRequested)
            {
                Interlocked.Decrement(ref _pending);
                continue;
            }
            Place(item, _currentTick);
        }
    }

    private void Place(ScheduledItem item, long earliestTick)
    {
        // Round up: a timer fires at the first tick boundary at or after its due time, never before.
        var dueTick = (item.DueTimestamp - _start + _tickTimestamp - 1) / _tickTimestamp;
        if (dueTick < earliestTick) dueTick = earliestTick;
        item.DueTick = dueTick;
        item.RemainingRounds = (dueTick - earliestTick) / _wheel.Length;
        var bucket = (int)(dueTick & _mask);
        item.Next = _wheel[bucket];
        _wheel[bucket] = item;
    }

    private void ProcessBucket(long tick)
    {
        var bucket = (int)(tick & _mask);
        var item = _wheel[bucket];
        _wheel[bucket] = null;
        List<ScheduledItem>? again = null;
        while (item is not null)
        {
            var next = item.Next;
            item.Next = null;
            if (item.IsCancellationRequested)
            {
                Interlocked.Decrement(ref _pending);
            }
            else if (item.RemainingRounds > 0 || item.DueTick > tick)
            {
                item.RemainingRounds--;
                item.Next = _wheel[bucket];
                _wheel[bucket] = item;
            }
            else
            {
                FireSafely(item);
                if (item.IntervalTimestamp > 0 && !item.IsCancellationRequested)
                {
                    item.DueTimestamp = SaturatingAdd(item.DueTimestamp, item.IntervalTimestamp);
                    (again ??= []).Add(item);
                }
                else
                {
                    Interlocked.Decrement(ref _pending);
                }
            }
            item = next;
        }

        if (again is null) return;
        // A repeated timer keeps its rate; if it fell behind it fires at the next tick, not in a burst.
        foreach (var repeated in again) Place(repeated, tick + 1);
    }

    private void FireSafely(ScheduledItem item)
    {
        try
        {
            item.Fire();
        }
        catch (Exception e)
        {
            _log.LogError(e, "A scheduled task threw; the scheduler goes on.");
        }
    }

    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        Wake();
        if (Thread.CurrentThread != _thread) _thread.Join(TimeSpan.FromSeconds(5));
    }
}

using System.Diagnostics;

namespace ActorRecorder.TestKit.Xunit2;

/// <summary>
/// Counts matching events published while a block runs and checks the count: after the block it
/// waits (up to the default expectation timeout) for the expected number to arrive, then fails if
/// fewer or more arrived. Expecting zero watches for the whole timeout (by default the
/// no-message window) before it passes.
/// </summary>
public sealed class EventFilter
{
    private readonly TestKitBase _kit;
    private readonly Type _channel;
    private readonly Func<object, bool> _matches;
    private readonly string _description;

    internal EventFilter(TestKitBase kit, Type channel, Func<object, bool> matches, string description)
    {
        _kit = kit;
        _channel = channel;
        _matches = matches;
        _description = description;
    }

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event.</summary>
    public void ExpectOne(Action action) => Expect(1, action);

    /// <summary>Runs <paramref name="function"/>, expects exactly one matching event and returns the result.</summary>
    public T ExpectOne<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        T result = default!;
        Expect(1, () => result = function());
        return result;
    }

    /// <summary>Runs <paramref name="action"/> and expects exactly <paramref name="expected"/> matching events.</summary>
    public void Expect(int expected, Action action) => Expect(expected, null, action);

    /// <summary>Runs <paramref name="action"/> and expects exactly <paramref name="expected"/> matching events within <paramref name="timeout"/>.</summary>
    public void Expect(int expected, TimeSpan? timeout, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        var counter = new Counter(_matches);
        using (_kit.Sys.EventStream.Subscribe(_channel, counter.Offer))
        {
            action();
            var deadline = Stopwatch.GetTimestamp() + (long)(Wait(timeout, expected).TotalSeconds * Stopwatch.Frequency);
            // Expecting none means watching for the whole window; otherwise stop once enough arrived.
            while ((expected == 0 || counter.Count < expected) && Stopwatch.GetTimestamp() < deadline) Thread.Sleep(5);
        }
        Verify(expected, counter.Count, timeout);
    }

    /// <summary>Async twin of <see cref="ExpectOne(Action)"/>.</summary>
    public Task ExpectOneAsync(Func<Task> action) => ExpectAsync(1, action);

    /// <summary>Async twin of <see cref="Expect(int, Action)"/>.</summary>
    public async Task ExpectAsync(int expected, Func<Task> action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        var counter = new Counter(_matches);
        using (_kit.Sys.EventStream.Subscribe(_channel, counter.Offer))
        {
            await action().ConfigureAwait(false);
            var deadline = Stopwatch.GetTimestamp() + (long)(Wait(timeout, expected).TotalSeconds * Stopwatch.Frequency);
            while ((expected == 0 || counter.Count < expected) && Stopwatch.GetTimestamp() < deadline) await Task.Delay(5).ConfigureAwait(false);
        }
        Verify(expected, counter.Count, timeout);
    }

    private TimeSpan Wait(TimeSpan? timeout, int expected = 1) =>
        timeout is { } t ? _kit.Dilated(t) : expected == 0 ? _kit.Dilated(_kit.Settings.ExpectNoMessageDefault) : _kit.RemainingOrDefault;

    private void Verify(int expected, int actual, TimeSpan? timeout)
    {
        if (actual == expected) return;
        throw new TestKitAssertionException(actual < expected
            ? $"Expected {expected} {_description}(s) within {Wait(timeout)}, but {actual} arrived."
            : $"Expected {expected} {_description}(s), but {actual} arrived.");
    }

    private sealed class Counter(Func<object, bool> matches)
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Offer(object e)
        {
            if (matches(e)) Interlocked.Increment(ref _count);
        }
    }
}

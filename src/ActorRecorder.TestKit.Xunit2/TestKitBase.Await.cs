using System.Diagnostics;

namespace ActorRecorder.TestKit.Xunit2;

/// <summary>Polling assertions, for state that is not observable through messages.</summary>
public abstract partial class TestKitBase
{
    /// <summary>Repeats <paramref name="assertion"/> until it passes or <paramref name="duration"/> runs out; then rethrows its last failure.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout(duration).TotalSeconds * Stopwatch.Frequency);
        var pause = interval ?? TimeSpan.FromMilliseconds(20);
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (Stopwatch.GetTimestamp() < deadline)
            {
                Thread.Sleep(pause);
            }
        }
    }

    /// <summary>Async twin of <see cref="AwaitAssert"/>.</summary>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout(duration).TotalSeconds * Stopwatch.Frequency);
        var pause = interval ?? TimeSpan.FromMilliseconds(20);
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(pause).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> is true, failing with <paramref name="message"/> after <paramref name="max"/>.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var timeout = Timeout(max);
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var pause = interval ?? TimeSpan.FromMilliseconds(20);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() >= deadline) throw Fail($"Condition not met within {timeout}{(message is null ? "" : $": {message}")}.");
            Thread.Sleep(pause);
        }
    }

    /// <summary>Async twin of <see cref="AwaitCondition"/>.</summary>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var timeout = Timeout(max);
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var pause = interval ?? TimeSpan.FromMilliseconds(20);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() >= deadline) throw Fail($"Condition not met within {timeout}{(message is null ? "" : $": {message}")}.");
            await Task.Delay(pause).ConfigureAwait(false);
        }
    }
}

using System.Diagnostics;
using ActorRecorder.Actors;

namespace ActorRecorder.TestKit.Xunit2;

/// <summary>Message expectations, each with an async twin.</summary>
public abstract partial class TestKitBase
{
    /// <summary>Expects the next message to be a <typeparamref name="T"/>; returns it.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null, string? hint = null) => Check<T>(Take(Timeout(timeout)), null, timeout, hint);

    /// <summary>Expects the next message to be a <typeparamref name="T"/> that satisfies <paramref name="isMessage"/>.</summary>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        return Check(Take(Timeout(timeout)), isMessage, timeout, hint);
    }

    /// <summary>Expects the next message to equal <paramref name="message"/>.</summary>
    public T ExpectMsg<T>(T message, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CheckEqual(Take(Timeout(timeout)), message, timeout, hint);
    }

    /// <summary>Async twin of <see cref="ExpectMsg{T}(TimeSpan?, string?)"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        Check<T>(await TakeAsync(Timeout(timeout), cancellationToken).ConfigureAwait(false), null, timeout, hint);

    /// <summary>Async twin of <see cref="ExpectMsg{T}(Predicate{T}, TimeSpan?, string?)"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        return Check(await TakeAsync(Timeout(timeout), cancellationToken).ConfigureAwait(false), isMessage, timeout, hint);
    }

    /// <summary>Async twin of <see cref="ExpectMsg{T}(T, TimeSpan?, string?)"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(T message, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CheckEqual(await TakeAsync(Timeout(timeout), cancellationToken).ConfigureAwait(false), message, timeout, hint);
    }

    /// <summary>Expects that no message arrives for <paramref name="duration"/> (dilated).</summary>
    public void ExpectNoMsg(TimeSpan duration) => CheckNone(Take(Dilated(duration)), duration);

    /// <summary>Expects that no message arrives for the default no-message duration (300 ms, dilated).</summary>
    public void ExpectNoMsg() => ExpectNoMsg(Settings.ExpectNoMessageDefault);

    /// <summary>Async twin of <see cref="ExpectNoMsg(TimeSpan)"/>.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
        CheckNone(await TakeAsync(Dilated(duration), cancellationToken).ConfigureAwait(false), duration);

    /// <summary>Expects the next message to equal one of <paramref name="messages"/>; returns it.</summary>
    public T ExpectMsgAnyOf<T>(params T[] messages) => CheckAnyOf(Take(RemainingOrDefault), messages);

    /// <summary>Async twin of <see cref="ExpectMsgAnyOf{T}(T[])"/>.</summary>
    public async Task<T> ExpectMsgAnyOfAsync<T>(params T[] messages) =>
        CheckAnyOf(await TakeAsync(RemainingOrDefault, CancellationToken.None).ConfigureAwait(false), messages);

    /// <summary>Expects the next messages to be exactly <paramref name="messages"/>, in any order.</summary>
    public IReadOnlyList<T> ExpectMsgAllOf<T>(params T[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var deadline = Stopwatch.GetTimestamp() + (long)(RemainingOrDefault.TotalSeconds * Stopwatch.Frequency);
        var received = new List<T>();
        var missing = messages.ToList();
        while (missing.Count > 0)
        {
            var envelope = Take(Until(deadline));
            MatchOneOfAll(envelope, missing, received, messages);
        }
        return received;
    }

    /// <summary>Async twin of <see cref="ExpectMsgAllOf{T}(T[])"/>.</summary>
    public async Task<IReadOnlyList<T>> ExpectMsgAllOfAsync<T>(params T[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var deadline = Stopwatch.GetTimestamp() + (long)(RemainingOrDefault.TotalSeconds * Stopwatch.Frequency);
        var received = new List<T>();
        var missing = messages.ToList();
        while (missing.Count > 0)
        {
            var envelope = await TakeAsync(Until(deadline), CancellationToken.None).ConfigureAwait(false);
            MatchOneOfAll(envelope, missing, received, messages);
        }
        return received;
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="target"/> (watch it first with <see cref="Watch"/>).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ExpectMsg<Terminated>(t => t.ActorRef.Equals(target), timeout, $"Terminated of {target.Path}");
    }

    /// <summary>Async twin of <see cref="ExpectTerminated"/>.</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ExpectMsgAsync<Terminated>(t => t.ActorRef.Equals(target), timeout, $"Terminated of {target.Path}");
    }

    /// <summary>Skips messages until one satisfies <paramref name="isMessage"/>; returns it.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? max = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout(max).TotalSeconds * Stopwatch.Frequency);
        var skipped = new List<object>();
        while (true)
        {
            var envelope = Take(Until(deadline));
            if (FishedOut(envelope, isMessage, skipped, hint, out var found)) return found!;
        }
    }

    /// <summary>Skips messages until one satisfies <paramref name="isMessage"/>; returns it.</summary>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? max = null, string? hint = null) => FishForMessage<object>(isMessage, max, hint);

    /// <summary>Async twin of <see cref="FishForMessage{T}(Predicate{T}, TimeSpan?, string?)"/>.</summary>
    public async Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? max = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout(max).TotalSeconds * Stopwatch.Frequency);
        var skipped = new List<object>();
        while (true)
        {
            var envelope = await TakeAsync(Until(deadline), CancellationToken.None).ConfigureAwait(false);
            if (FishedOut(envelope, isMessage, skipped, hint, out var found)) return found!;
        }
    }

    /// <summary>Receives exactly <paramref name="count"/> messages of any type.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? max = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout(max).TotalSeconds * Stopwatch.Frequency);
        var received = new List<object>(count);
        while (received.Count < count)
        {
            var envelope = Take(Until(deadline))
                           ?? throw Fail($"ReceiveN({count}): only {received.Count} message(s) arrived before the timeout.");
            received.Add(envelope.Message);
        }
        return received;
    }

    /// <summary>Async twin of <see cref="ReceiveN"/>.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? max = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout(max).TotalSeconds * Stopwatch.Frequency);
        var received = new List<object>(count);
        while (received.Count < count)
        {
            var envelope = await TakeAsync(Until(deadline), CancellationToken.None).ConfigureAwait(false)
                           ?? throw Fail($"ReceiveN({count}): only {received.Count} message(s) arrived before the timeout.");
            received.Add(envelope.Message);
        }
        return received;
    }

    private T Check<T>(Envelope? envelope, Predicate<T>? isMessage, TimeSpan? timeout, string? hint)
    {
        var what = hint ?? $"a message of type {typeof(T).Name}{(isMessage is null ? "" : " matching the predicate")}";
        if (envelope is not { } e) throw Fail($"Expected {what} within {Timeout(timeout)}, but nothing arrived.");
        if (e.Message is not T typed) throw Fail($"Expected {what}, but got {Describe(e.Message)} from {e.Sender?.Path.ToString() ?? "no sender"}.");
        if (isMessage is not null && !isMessage(typed)) throw Fail($"Expected {what}, but got {Describe(e.Message)}, which does not match.");
        return typed;
    }

    private T CheckEqual<T>(Envelope? envelope, T expected, TimeSpan? timeout, string? hint)
    {
        var what = hint ?? Describe(expected);
        if (envelope is not { } e) throw Fail($"Expected {what} within {Timeout(timeout)}, but nothing arrived.");
        if (e.Message is not T typed || !EqualityComparer<T>.Default.Equals(typed, expected))
            throw Fail($"Expected {what}, but got {Describe(e.Message)}.");
        return typed;
    }

    private void CheckNone(Envelope? envelope, TimeSpan duration)
    {
        if (envelope is { } e) throw Fail($"Expected no message for {Dilated(duration)}, but got {Describe(e.Message)}.");
    }

    private T CheckAnyOf<T>(Envelope? envelope, T[] candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = string.Join(", ", candidates.Select(c => Describe(c)));
        if (envelope is not { } e) throw Fail($"Expected one of [{list}], but nothing arrived.");
        if (e.Message is T typed && candidates.Contains(typed)) return typed;
        throw Fail($"Expected one of [{list}], but got {Describe(e.Message)}.");
    }

    private static void MatchOneOfAll<T>(Envelope? envelope, List<T> missing, List<T> received, T[] all)
    {
        var list = string.Join(", ", all.Select(c => Describe(c)));
        if (envelope is not { } e)
            throw Fail($"Expected all of [{list}], but {string.Join(", ", missing.Select(m => Describe(m)))} did not arrive.");
        if (e.Message is not T typed || !missing.Remove(typed))
            throw Fail($"Expected all of [{list}], but got {Describe(e.Message)}, which is not one of the missing ones.");
        received.Add(typed);
    }

    private static bool FishedOut<T>(Envelope? envelope, Predicate<T> isMessage, List<object> skipped, string? hint, out T? found)
    {
        found = default;
        if (envelope is not { } e)
            throw Fail($"Fishing for {hint ?? typeof(T).Name}: no matching message arrived; skipped {skipped.Count}: [{string.Join(", ", skipped.Select(Describe))}].");
        if (e.Message is T typed && isMessage(typed))
        {
            found = typed;
            return true;
        }
        skipped.Add(e.Message);
        return false;
    }

    private static TimeSpan Until(long deadline)
    {
        var left = deadline - Stopwatch.GetTimestamp();
        return left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)left / Stopwatch.Frequency);
    }
}

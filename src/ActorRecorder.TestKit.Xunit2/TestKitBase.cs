using System.Diagnostics;
using ActorRecorder.Actors;
using ActorRecorder.TestKit.Xunit2.Internal;

namespace ActorRecorder.TestKit.Xunit2;

/// <summary>
/// The expectations shared by <see cref="TestKit"/> and <see cref="TestProbe"/>: each waits for the
/// next message received by <see cref="TestActor"/>, up to a timeout (3 s by default, times the
/// time factor, or what is left of the enclosing <see cref="Within(TimeSpan, Action)"/>), and fails
/// saying what was expected and what arrived.
/// </summary>
public abstract partial class TestKitBase
{
    private readonly ReceivedQueue _queue;
    private long? _deadline;

    private protected TestKitBase(ActorSystem system, TestKitSettings settings, string testActorName)
    {
        Sys = system;
        Settings = settings;
        _queue = new ReceivedQueue();
        TestActor = system.SystemActorOf(Props.Create(() => new TestActor(_queue)), testActorName);
        EventFilter = new EventFilterFactory(this);
    }

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The timing settings.</summary>
    public TestKitSettings Settings { get; }

    /// <summary>The actor whose received messages the expectations read. Use it as the sender or reply-to of the test.</summary>
    public IActorRef TestActor { get; }

    /// <summary>The sender of the last message taken by an expectation.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>The last message taken by an expectation.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Filters that assert on log events and dead letters.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary><paramref name="duration"/> times the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) => Settings.Dilated(duration);

    /// <summary>Time left in the enclosing <c>Within</c> block, or the default single-expectation timeout.</summary>
    public TimeSpan RemainingOrDefault => _deadline is { } end ? Left(end) : Dilated(Settings.SingleExpectDefault);

    /// <summary>Time left in the enclosing <c>Within</c> block.</summary>
    /// <exception cref="InvalidOperationException">Not inside <c>Within</c>.</exception>
    public TimeSpan Remaining => _deadline is { } end ? Left(end) : throw new InvalidOperationException("Remaining is only defined inside Within(...).");

    /// <summary>Creates a probe: another test actor with its own expectations.</summary>
    public TestProbe CreateTestProbe(string? name = null) => new(Sys, Settings, name);

    /// <summary>Watches <paramref name="actor"/> from <see cref="TestActor"/>; returns when the watch is in place.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        TestActor.Ask<object>(new TestActor.WatchRequest(actor), Dilated(Settings.SingleExpectDefault)).GetAwaiter().GetResult();
        return actor;
    }

    /// <summary>Stops watching <paramref name="actor"/>; returns when done.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        TestActor.Ask<object>(new TestActor.UnwatchRequest(actor), Dilated(Settings.SingleExpectDefault)).GetAwaiter().GetResult();
        return actor;
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="max"/> as the deadline of the expectations in it, and checks it finished within it.</summary>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>Like <see cref="Within(TimeSpan, Action)"/>, and also checks the block took at least <paramref name="min"/>.</summary>
    public void Within(TimeSpan min, TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Within(min, max, () =>
        {
            action();
            return true;
        });
    }

    /// <summary>Runs <paramref name="function"/> within <paramref name="max"/> and returns its result.</summary>
    public T Within<T>(TimeSpan max, Func<T> function) => Within(TimeSpan.Zero, max, function);

    /// <summary>Runs <paramref name="function"/> within [<paramref name="min"/>, <paramref name="max"/>] and returns its result.</summary>
    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var block = EnterWithin(max);
        try
        {
            var result = function();
            block.Check(min, max);
            return result;
        }
        finally
        {
            _deadline = block.Outer;
        }
    }

    /// <summary>Async twin of <see cref="Within{T}(TimeSpan, Func{T})"/>.</summary>
    public async Task WithinAsync(TimeSpan max, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var block = EnterWithin(max);
        try
        {
            await action().ConfigureAwait(false);
            block.Check(TimeSpan.Zero, max);
        }
        finally
        {
            _deadline = block.Outer;
        }
    }

    /// <summary>Starts a Within block: its deadline is the earlier of its own and the enclosing block's.</summary>
    private WithinBlock EnterWithin(TimeSpan max)
    {
        var block = new WithinBlock(Stopwatch.GetTimestamp(), Dilated(max), _deadline);
        var end = block.Start + ToTimestamp(block.DilatedMax);
        _deadline = block.Outer is { } outer && outer < end ? outer : end;
        return block;
    }

    private readonly record struct WithinBlock(long Start, TimeSpan DilatedMax, long? Outer)
    {
        public void Check(TimeSpan min, TimeSpan max)
        {
            var took = Stopwatch.GetElapsedTime(Start);
            if (took < min) Fail($"Within({min}, {max}): the block finished after {took}, earlier than the minimum {min}.");
            if (took > DilatedMax) Fail($"Within({max}): the block took {took}, longer than {DilatedMax} (dilated).");
        }
    }

    private protected TimeSpan Timeout(TimeSpan? given) => given is { } t ? Dilated(t) : RemainingOrDefault;

    private protected Envelope? Take(TimeSpan timeout)
    {
        if (!_queue.TryTake(timeout, out var envelope)) return null;
        Record(envelope);
        return envelope;
    }

    private protected async Task<Envelope?> TakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var envelope = await _queue.TryTakeAsync(timeout, cancellationToken).ConfigureAwait(false);
        if (envelope is { } e) Record(e);
        return envelope;
    }

    private void Record(Envelope envelope)
    {
        LastMessage = envelope.Message;
        LastSender = envelope.Sender ?? Sys.DeadLetters;
    }

    private protected static Exception Fail(string message) => throw new TestKitAssertionException(message);

    private protected static string Describe(object? message) =>
        message is null ? "nothing" : $"{message.GetType().Name} {message}";

    private static long ToTimestamp(TimeSpan span) =>
        span == System.Threading.Timeout.InfiniteTimeSpan ? long.MaxValue / 4 : (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static TimeSpan Left(long end)
    {
        var left = end - Stopwatch.GetTimestamp();
        return left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)left / Stopwatch.Frequency);
    }
}

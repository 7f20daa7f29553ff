namespace ActorRecorder.Actors;

/// <summary>One pending timer of the <see cref="HashedWheelScheduler"/>.</summary>
internal abstract class ScheduledItem : ICancelable
{
    private volatile bool _cancelled;

    /// <summary>When it is due, in scheduler ticks since the scheduler started.</summary>
    public long DueTick;

    /// <summary>Stopwatch timestamp it is due at; repeated timers advance it by their interval.</summary>
    public long DueTimestamp;

    /// <summary>The interval of a repeating timer, in stopwatch ticks; 0 for a single one.</summary>
    public long IntervalTimestamp;

    /// <summary>Full turns of the wheel left before it fires.</summary>
    public long RemainingRounds;

    /// <summary>The next item of the same wheel bucket.</summary>
    public ScheduledItem? Next;

    public bool IsCancellationRequested => _cancelled;

    public void Cancel() => _cancelled = true;

    /// <summary>Runs the timer's work; must not block (it runs on the scheduler's thread).</summary>
    public abstract void Fire();
}

internal sealed class ScheduledTell(IActorRef receiver, object message, IActorRef? sender) : ScheduledItem
{
    public override void Fire() => receiver.Tell(message, sender);
}

internal sealed class ScheduledAction(Action action) : ScheduledItem
{
    public override void Fire() => ThreadPool.UnsafeQueueUserWorkItem(static a => a(), action, preferLocal: false);
}

/// <summary>An internal callback that is cheap and never blocks, run on the scheduler thread itself.</summary>
internal sealed class ScheduledCallback(Action<object> callback, object state) : ScheduledItem
{
    public override void Fire() => callback(state);
}

namespace ActorRecorder.Actors;

/// <summary>An actor with keyed timers. The kernel sets <see cref="Timers"/>; timers are cancelled on stop and restart.</summary>
public interface IWithTimers
{
    /// <summary>The actor's timers; assigned by the kernel.</summary>
    ITimerScheduler Timers { get; set; }
}

/// <summary>Keyed timers that send a message to the actor itself. Starting a timer with a key in use
/// replaces it, and a message of the replaced timer that is already queued is not delivered.</summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> once after <paramref name="timeout"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>True while the timer with that key is active.</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with that key, if any.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer.</summary>
    void CancelAll();

    /// <summary>The keys of the active timers.</summary>
    IReadOnlyCollection<object> ActiveTimers { get; }
}

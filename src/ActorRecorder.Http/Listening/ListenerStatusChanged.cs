namespace ActorRecorder.Http;

/// <summary>
/// Published on the actor system's event stream when a listener's status changes: it started accepting, began to drain,
/// or stopped (a restart publishes <see cref="ListenerStatus.Stopped"/> then <see cref="ListenerStatus.Accepting"/>).
/// Subscribe with <c>system.EventStream.Subscribe(actor, typeof(ListenerStatusChanged))</c>; counters change too often
/// to be published, read them with <see cref="Listeners.InfoAsync"/>.
/// </summary>
/// <param name="Name">The listener.</param>
/// <param name="Status">Its new status.</param>
public sealed record ListenerStatusChanged(string Name, ListenerStatus Status);

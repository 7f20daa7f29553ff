namespace ActorRecorder.Actors;

/// <summary>
/// The system's publish/subscribe bus: actors subscribe to a type (a channel) and receive every
/// published event assignable to it. Dead letters, dropped messages, unhandled messages and log
/// events are published here. Subscribers that terminated are removed as events reach them.
/// </summary>
public sealed class EventStream
{
    private readonly Action<Exception, string>? _reportError;
    private Subscription[] _subscriptions = [];

    /// <summary>Creates a stream; <paramref name="reportError"/> hears of subscribers that throw (never through the stream itself).</summary>
    internal EventStream(Action<Exception, string>? reportError = null) => _reportError = reportError;

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>; false if it already was.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        return Add(new Subscription(channel, subscriber, null));
    }

    /// <summary>Unsubscribes <paramref name="subscriber"/> from <paramref name="channel"/>; false if it was not subscribed.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        return Remove(s => s.Channel == channel && subscriber.Equals(s.Subscriber));
    }

    /// <summary>Unsubscribes <paramref name="subscriber"/> from every channel; false if it had none.</summary>
    public bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Remove(s => subscriber.Equals(s.Subscriber));
    }

    /// <summary>Publishes an event to every matching subscriber.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var subscriptions = Volatile.Read(ref _subscriptions);
        if (subscriptions.Length == 0) return;
        var type = @event.GetType();
        foreach (var subscription in subscriptions)
        {
            if (!subscription.Channel.IsAssignableFrom(type)) continue;
            // One subscriber's bug must not reach the publisher (often the kernel itself, mid-termination).
            try
            {
                if (subscription.Callback is { } callback)
                {
                    callback(@event);
                }
                else if (subscription.Subscriber is InternalActorRef { IsTerminated: true } dead)
                {
                    Unsubscribe(dead);
                }
                else
                {
                    subscription.Subscriber!.Tell(@event, null);
                }
            }
            catch (Exception e)
            {
                _reportError?.Invoke(e, $"An event-stream subscriber to {subscription.Channel.Name} threw on a {type.Name}; the event goes on to the others.");
            }
        }
    }

    /// <summary>
    /// Subscribes an in-process handler to events of type <typeparamref name="TEvent"/> (and its subtypes);
    /// dispose the result to unsubscribe. The handler runs on the publisher's thread, so it must be
    /// quick, thread-safe and must not block — e.g. incrementing a counter.
    /// </summary>
    public IDisposable Subscribe<TEvent>(Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Subscribe(typeof(TEvent), e => handler((TEvent)e));
    }

    /// <summary>True when somebody listens to events of <paramref name="eventType"/>: lets publishers skip building events nobody reads.</summary>
    internal bool HasSubscribers(Type eventType)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Channel.IsAssignableFrom(eventType)) return true;
        }
        return false;
    }

    /// <summary>Subscribes an in-process callback (used by the kernel's own listeners); dispose to unsubscribe.</summary>
    internal IDisposable Subscribe(Type channel, Action<object> callback)
    {
        var subscription = new Subscription(channel, null, callback);
        Add(subscription);
        return new Unsubscriber(this, subscription);
    }

    private bool Add(Subscription subscription)
    {
        while (true)
        {
            var current = Volatile.Read(ref _subscriptions);
            if (subscription.Subscriber is not null
                && Array.Exists(current, s => s.Channel == subscription.Channel && subscription.Subscriber.Equals(s.Subscriber)))
                return false;
            var updated = new Subscription[current.Length + 1];
            current.CopyTo(updated, 0);
            updated[^1] = subscription;
            if (Interlocked.CompareExchange(ref _subscriptions, updated, current) == current) return true;
        }
    }

    private bool Remove(Predicate<Subscription> match)
    {
        while (true)
        {
            var current = Volatile.Read(ref _subscriptions);
            var updated = Array.FindAll(current, s => !match(s));
            if (updated.Length == current.Length) return false;
            if (Interlocked.CompareExchange(ref _subscriptions, updated, current) == current) return true;
        }
    }

    private sealed record Subscription(Type Channel, IActorRef? Subscriber, Action<object>? Callback);

    private sealed class Unsubscriber(EventStream stream, Subscription subscription) : IDisposable
    {
        public void Dispose() => stream.Remove(s => ReferenceEquals(s, subscription));
    }
}

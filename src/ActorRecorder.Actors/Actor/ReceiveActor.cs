namespace ActorRecorder.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor
/// (or inside <see cref="Become(Action)"/>): the first handler whose type and predicate match handles the message.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private HandlerTable? _configuring = new();
    private HandlerTable _current = new();

    /// <summary>Handles messages of type <typeparamref name="T"/> (that pass <paramref name="shouldHandle"/>, if given).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that pass <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Receive(handler, shouldHandle);
    }

    /// <summary>Offers messages of type <typeparamref name="T"/> to <paramref name="handler"/>, which returns false to pass.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new PredicateHandler<T>(handler));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> asynchronously: the actor processes
    /// nothing else until the task completes, and continuations run inside the actor. If the actor
    /// stops or restarts meanwhile, the rest of the handler is abandoned (as a process killed in a
    /// call): release resources in PostStop, not in a <c>finally</c> after an <c>await</c>.</summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new AsyncHandler<T>(Cell, handler, shouldHandle));
    }

    /// <summary>Handles every message that no earlier handler took.</summary>
    protected void ReceiveAny(Action<object> handler) => Receive(handler);

    /// <summary>Handles every message that no earlier handler took, asynchronously.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => ReceiveAsync(handler);

    /// <summary>Replaces the behaviour with the handlers that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Become(Build(configure));

    /// <summary>Pushes a behaviour made of the handlers that <paramref name="configure"/> registers.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Build(configure));

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        if (_configuring is not null)
        {
            _current = _configuring;
            _configuring = null;
        }
        return _current.TryHandle(message);
    }

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var outer = _configuring;
        var table = new HandlerTable();
        _configuring = table;
        try
        {
            configure();
        }
        finally
        {
            _configuring = outer;
        }
        return table.TryHandle;
    }

    private HandlerTable Configuring() =>
        _configuring ?? throw new InvalidOperationException(
            "Receive handlers can only be registered in the constructor or inside Become(Action)/BecomeStacked(Action).");
}

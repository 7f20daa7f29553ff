namespace ActorRecorder.Actors;

/// <summary>The handlers of one behaviour of a <see cref="ReceiveActor"/>, tried in registration order.</summary>
internal sealed class HandlerTable
{
    private MessageHandler[] _handlers = [];

    public void Add(MessageHandler handler)
    {
        var grown = new MessageHandler[_handlers.Length + 1];
        _handlers.CopyTo(grown, 0);
        grown[^1] = handler;
        _handlers = grown;
    }

    public bool TryHandle(object message)
    {
        foreach (var handler in _handlers)
        {
            if (handler.TryHandle(message)) return true;
        }
        return false;
    }
}

/// <summary>One registered handler.</summary>
internal abstract class MessageHandler
{
    public abstract bool TryHandle(object message);
}

internal sealed class ActionHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : MessageHandler
{
    public override bool TryHandle(object message)
    {
        if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed))) return false;
        handler(typed);
        return true;
    }
}

internal sealed class PredicateHandler<T>(Func<T, bool> handler) : MessageHandler
{
    public override bool TryHandle(object message) => message is T typed && handler(typed);
}

internal sealed class AsyncHandler<T>(ActorCell cell, Func<T, Task> handler, Predicate<T>? shouldHandle) : MessageHandler
{
    public override bool TryHandle(object message)
    {
        if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed))) return false;
        cell.RunTask(() => handler(typed));
        return true;
    }
}

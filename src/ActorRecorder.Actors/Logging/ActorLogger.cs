using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>
/// The logger of one actor (or kernel component): writes to the system's <see cref="ILoggerFactory"/>
/// with the actor path in every entry, and publishes a <see cref="LogEvent"/> when someone listens.
/// </summary>
internal sealed class ActorLogger(ILogger inner, EventStream events, string source, Type logClass) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel) || events.HasSubscribers(typeof(LogEvent));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var scoped = new ActorLogState<TState>(source, state, formatter);
        if (inner.IsEnabled(logLevel))
            inner.Log(logLevel, eventId, scoped, exception, static (s, e) => s.Render(e));
        if (logLevel != LogLevel.None && events.HasSubscribers(typeof(LogEvent)))
            events.Publish(new LogEvent(logLevel, source, logClass, formatter(state, exception), exception));
    }
}

using ActorRecorder.Actors;
using Microsoft.Extensions.Logging;

namespace ActorRecorder.TestKit.Xunit2;

/// <summary>Builds filters that count log events and dead letters while a block of test code runs.</summary>
public sealed class EventFilterFactory
{
    private readonly TestKitBase _kit;

    internal EventFilterFactory(TestKitBase kit) => _kit = kit;

    /// <summary>Error log entries; optionally with exactly <paramref name="message"/>, containing <paramref name="contains"/>, or from <paramref name="source"/> (an actor path).</summary>
    public EventFilter Error(string? message = null, string? contains = null, string? source = null) => Log(LogLevel.Error, null, message, contains, source);

    /// <summary>Warning log entries.</summary>
    public EventFilter Warning(string? message = null, string? contains = null, string? source = null) => Log(LogLevel.Warning, null, message, contains, source);

    /// <summary>Information log entries.</summary>
    public EventFilter Info(string? message = null, string? contains = null, string? source = null) => Log(LogLevel.Information, null, message, contains, source);

    /// <summary>Debug log entries.</summary>
    public EventFilter Debug(string? message = null, string? contains = null, string? source = null) => Log(LogLevel.Debug, null, message, contains, source);

    /// <summary>Log entries (of any level) carrying an exception of type <typeparamref name="TException"/>.</summary>
    public EventFilter Exception<TException>(string? message = null, string? contains = null, string? source = null) where TException : Exception =>
        Log(null, typeof(TException), message, contains, source);

    /// <summary>Dead letters whose message is a <typeparamref name="T"/> (that matches <paramref name="isMatch"/>, if given).</summary>
    public EventFilter DeadLetter<T>(Predicate<T>? isMatch = null) =>
        new(_kit, typeof(DeadLetter), e => e is DeadLetter { Message: T m } && (isMatch is null || isMatch(m)), $"dead letter of {typeof(T).Name}");

    private EventFilter Log(LogLevel? level, Type? exceptionType, string? message, string? contains, string? source) =>
        new(_kit, typeof(LogEvent), e => e is LogEvent log
                                         && (level is null || log.Level == level)
                                         && (exceptionType is null || exceptionType.IsInstanceOfType(log.Cause))
                                         && (message is null || log.Message == message)
                                         && (contains is null || log.Message.Contains(contains, StringComparison.Ordinal))
                                         && (source is null || log.LogSource.StartsWith(source, StringComparison.Ordinal)),
            Describe(level, exceptionType, message, contains, source));

    private static string Describe(LogLevel? level, Type? exceptionType, string? message, string? contains, string? source)
    {
        var parts = new List<string> { level is null ? "log entry" : $"{level} log entry" };
        if (exceptionType is not null) parts.Add($"with {exceptionType.Name}");
        if (message is not null) parts.Add($"with message \"{message}\"");
        if (contains is not null) parts.Add($"containing \"{contains}\"");
        if (source is not null) parts.Add($"from {source}");
        return string.Join(" ", parts);
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorRecorder.Hosting.Tests.Support;

/// <summary>The host's log: every entry kept (and echoed to the test output), with a bounded wait for one that matches.</summary>
public sealed class LogCapture(ITestOutputHelper output) : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message)> _entries = new();
    private readonly List<(Func<string, string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly Lock _gate = new();

    /// <summary>The entries so far, as (category, message).</summary>
    public IReadOnlyCollection<(string Category, string Message)> Entries => _entries;

    /// <summary>The message of the first entry, logged before or after this call, whose category and message match.</summary>
    public Task<string> WaitForAsync(Func<string, string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var (category, message) in _entries)
            {
                if (match(category, message)) return Task.FromResult(message);
            }
            _waiters.Add((match, found));
        }
        return found.Task.WaitAsync(timeout);
    }

    private void Add(string category, string message)
    {
        lock (_gate)
        {
            _entries.Enqueue((category, message));
            foreach (var waiter in _waiters.Where(w => w.Match(category, message)).ToList())
            {
                waiter.Found.TrySetResult(message);
                _waiters.Remove(waiter);
            }
        }
        try
        {
            output.WriteLine($"[{category}] {message}");
        }
        catch (InvalidOperationException)
        {
            // the spec has ended; a late log line has no test to go to
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Add(category, formatter(state, exception) + (exception is null ? "" : $" {exception.GetType().Name}: {exception.Message}"));
    }
}

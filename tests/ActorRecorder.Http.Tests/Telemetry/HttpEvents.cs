using System.Collections.Concurrent;
using System.Diagnostics;

namespace ActorRecorder.Http.Tests.Telemetry;

/// <summary>One event of the <c>ActorRecorder.Http</c> DiagnosticListener.</summary>
public sealed record HttpEvent(string Name, IReadOnlyDictionary<string, object?> Payload)
{
    public object? this[string key] => Payload.TryGetValue(key, out var value) ? value : null;

    public override string ToString() => $"{Name} {{{string.Join(", ", Payload.Select(p => $"{p.Key}={p.Value}"))}}}";
}

/// <summary>
/// Collects the events of the <c>ActorRecorder.Http</c> DiagnosticListener (found through
/// <see cref="DiagnosticListener.AllListeners"/>) whose <c>listener_name</c> is the given listener's, in the order
/// they were written. The listener is process-wide and specs run in parallel: the name keeps other specs' events out.
/// </summary>
public sealed class HttpEvents : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _listener;
    private readonly ConcurrentQueue<HttpEvent> _events = new();
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];

    public HttpEvents(string listener)
    {
        _listener = listener;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>The events so far, oldest first.</summary>
    public IReadOnlyList<HttpEvent> All => _events.ToArray();

    /// <summary>The events so far named <paramref name="name"/>, oldest first.</summary>
    public IReadOnlyList<HttpEvent> Named(string name) => All.Where(e => e.Name == name).ToArray();

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == HttpTelemetry.Name) _subscriptions.Add(value.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is IReadOnlyDictionary<string, object?> payload
            && payload.TryGetValue("listener_name", out var name) && name as string == _listener)
        {
            _events.Enqueue(new HttpEvent(value.Key, payload));
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        while (_subscriptions.TryTake(out var subscription)) subscription.Dispose();
    }
}

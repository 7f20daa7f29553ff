using System.Diagnostics;
using Akka.Actor;

namespace ActorRecorder.Http;

/// <summary>
/// One drain of a listener, kept by its actor: the deadline, who waits for the result (a second drain joins the
/// first), the handlers that acknowledged, and whether the server has let go of every connection.
/// </summary>
internal sealed class ListenerDrain(DrainDeadline deadline) : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<IActorRef> _waiters = [];
    private readonly HashSet<IActorRef> _acknowledged = [];
    private int? _forced;

    public DrainDeadline Deadline { get; } = deadline;

    /// <summary>Cancelled at the deadline, once the handlers still running have been closed: Kestrel then aborts every connection left.</summary>
    public CancellationTokenSource AbortConnections { get; } = new();

    /// <summary>Kestrel's graceful stop has completed: no connection is left.</summary>
    public bool ServerStopped { get; set; }

    /// <summary>Whether the deadline has come and what was left was forced.</summary>
    public bool Forced => _forced is not null;

    /// <summary>The result, once the drain has ended.</summary>
    public DrainResult? Result { get; private set; }

    public void Join(IActorRef waiter)
    {
        if (Result is { } result) waiter.Tell(result);
        else _waiters.Add(waiter);
    }

    public void Acknowledged(IActorRef handler) => _acknowledged.Add(handler);

    /// <summary>The deadline has come with <paramref name="remaining"/> requests in flight.</summary>
    public void Force(int remaining) => _forced = remaining;

    /// <summary>Ends the drain of listener <paramref name="listener"/>, counts it on the meter, and answers everyone waiting.</summary>
    public DrainResult Complete(string listener)
    {
        if (Result is { } done) return done;
        var result = new DrainResult(_forced is null ? DrainOutcome.Drained : DrainOutcome.TimedOut, _acknowledged.Count, _forced ?? 0,
            Stopwatch.GetElapsedTime(_started));
        Result = result;
        HttpTelemetry.Drains.Add(1, new("listener", listener), new("outcome", result.Outcome == DrainOutcome.Drained ? "drained" : "timed_out"));
        foreach (var waiter in _waiters) waiter.Tell(result);
        _waiters.Clear();
        return result;
    }

    public void Dispose() => AbortConnections.Dispose();
}

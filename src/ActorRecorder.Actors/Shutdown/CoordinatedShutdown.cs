using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>
/// Stops a system in ordered phases, as Akka.NET's CoordinatedShutdown: services unbind, finish
/// their requests and stop before the actors are terminated. Tasks of one phase run concurrently;
/// a phase waits for them up to its timeout, and a task that throws or times out is logged while
/// the next phase still runs. <see cref="Run"/> is idempotent; <see cref="ActorSystem.Terminate"/> calls it.
/// </summary>
public sealed class CoordinatedShutdown
{
    /// <summary>Before listeners stop accepting.</summary>
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";

    /// <summary>Listeners stop accepting and drain.</summary>
    public const string PhaseServiceUnbind = "service-unbind";

    /// <summary>In-flight requests complete.</summary>
    public const string PhaseServiceRequestsDone = "service-requests-done";

    /// <summary>Services stop.</summary>
    public const string PhaseServiceStop = "service-stop";

    /// <summary>Last chance before the actors stop (recorders flush here).</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";

    /// <summary>The actors stop: /user first, then /system.</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    /// <summary>The phases in the order they run.</summary>
    public static IReadOnlyList<string> KnownPhases { get; } =
    [
        PhaseBeforeServiceUnbind, PhaseServiceUnbind, PhaseServiceRequestsDone, PhaseServiceStop,
        PhaseBeforeActorSystemTerminate, PhaseActorSystemTerminate,
    ];

    private readonly ActorSystem _system;
    private readonly ILogger _log;
    private readonly Dictionary<string, List<PhaseTask>> _tasks = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private Task? _run;
    private int _startedPhase = -1;

    internal CoordinatedShutdown(ActorSystem system, ILogger log)
    {
        _system = system;
        _log = log;
        foreach (var phase in KnownPhases) _tasks[phase] = [];
    }

    /// <summary>The coordinated shutdown of <paramref name="system"/>.</summary>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.CoordinatedShutdown;
    }

    /// <summary>Why the shutdown runs; null until <see cref="Run"/> is called.</summary>
    public Reason? ShutdownReason { get; private set; }

    /// <summary>The timeout of <paramref name="phase"/>.</summary>
    public TimeSpan Timeout(string phase)
    {
        RequireKnownPhase(phase);
        return _system.Settings.CoordinatedShutdown.TimeoutOf(phase);
    }

    /// <summary>Adds a task to a phase. It receives a token that is cancelled when the phase times out.</summary>
    /// <exception cref="ArgumentException">Unknown phase or empty task name.</exception>
    /// <exception cref="InvalidOperationException">The phase has already started.</exception>
    public void AddTask(string phase, string taskName, Func<CancellationToken, Task> task)
    {
        RequireKnownPhase(phase);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskName);
        ArgumentNullException.ThrowIfNull(task);
        lock (_gate)
        {
            var index = IndexOf(phase);
            if (index <= _startedPhase)
                throw new InvalidOperationException($"Cannot add task '{taskName}' to coordinated-shutdown phase '{phase}': the phase has already run.");
            _tasks[phase].Add(new PhaseTask(taskName, task));
        }
    }

    /// <summary>Runs all phases once; later calls return the same task.</summary>
    public Task Run(Reason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            if (_run is not null) return _run;
            ShutdownReason = reason;
            _run = Task.Run(RunPhasesAsync);
            return _run;
        }
    }

    private async Task RunPhasesAsync()
    {
        _log.LogInformation("Coordinated shutdown of {System} started, reason: {Reason}", _system.Name, ShutdownReason);
        for (var i = 0; i < KnownPhases.Count; i++)
        {
            var phase = KnownPhases[i];
            PhaseTask[] tasks;
            lock (_gate)
            {
                _startedPhase = i;
                tasks = [.. _tasks[phase]];
            }
            if (tasks.Length == 0) continue;
            await RunPhaseAsync(phase, tasks).ConfigureAwait(false);
        }
    }

    private async Task RunPhaseAsync(string phase, PhaseTask[] tasks)
    {
        var timeout = _system.Settings.CoordinatedShutdown.TimeoutOf(phase);
        using var cancellation = new CancellationTokenSource();
        var running = tasks.Select(t => RunTaskAsync(phase, t, cancellation.Token)).ToArray();
        try
        {
            await Task.WhenAll(running).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var unfinished = tasks.Where((_, i) => !running[i].IsCompleted).Select(t => t.Name);
            _log.LogWarning("Coordinated shutdown phase {Phase} timed out after {Timeout}; unfinished tasks: {Tasks}. Going on with the next phase.",
                phase, timeout, string.Join(", ", unfinished));
            await cancellation.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task RunTaskAsync(string phase, PhaseTask task, CancellationToken cancellationToken)
    {
        try
        {
            // On the pool: a task that blocks before its first await must not hold up its siblings,
            // the phase timeout or the next phases.
            await Task.Run(() => task.Work(cancellationToken)
                                 ?? throw new InvalidOperationException($"Coordinated shutdown task '{task.Name}' returned null instead of a Task."),
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            _log.LogError(e, "Coordinated shutdown task {Task} of phase {Phase} failed; the shutdown goes on.", task.Name, phase);
        }
        catch (OperationCanceledException)
        {
            // Cancelled because the phase timed out: already reported.
        }
    }

    private static int IndexOf(string phase)
    {
        for (var i = 0; i < KnownPhases.Count; i++)
        {
            if (KnownPhases[i] == phase) return i;
        }
        return -1;
    }

    private static void RequireKnownPhase(string phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        if (IndexOf(phase) < 0)
            throw new ArgumentException($"Unknown coordinated-shutdown phase '{phase}'; known phases: {string.Join(", ", KnownPhases)}.", nameof(phase));
    }

    private sealed record PhaseTask(string Name, Func<CancellationToken, Task> Work);

    /// <summary>Why a coordinated shutdown runs.</summary>
    public class Reason
    {
        /// <summary>Creates a reason with a name.</summary>
        public Reason(string name)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            Name = name;
        }

        /// <summary>No reason was given.</summary>
        public static Reason Unknown { get; } = new("unknown");

        /// <summary><see cref="ActorSystem.Terminate"/> was called.</summary>
        public static Reason ActorSystemTerminate { get; } = new("actor-system-terminate");

        /// <summary>The process is exiting.</summary>
        public static Reason ProcessExit { get; } = new("process-exit");

        /// <summary>The /user guardian stopped (its children gave up).</summary>
        public static Reason UserGuardianStopped { get; } = new("user-guardian-stopped");

        /// <summary>The name of the reason.</summary>
        public string Name { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}

using Akka;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using ActorRecorder.Otp;

namespace ActorRecorder.Http;

/// <summary>
/// Drains every listener of a system, all at once, in CoordinatedShutdown's <c>service-unbind</c> phase, with
/// <c>actor-recorder.drain.timeout</c>; the phase's timeout is raised to fit. The OTP supervisors stop afterwards (in
/// <c>service-stop</c>) and the recorders flush before the system terminates. A drain still running when the phase runs
/// out is logged with its listener's name; it goes on until the supervisors stop that listener.
/// </summary>
internal sealed class DrainOnShutdown
{
    /// <summary>The config key of the drain's timeout.</summary>
    public const string TimeoutKey = "actor-recorder.drain.timeout";

    /// <summary>What a drain may take past its deadline: its cut sessions' close frames, and its answer.</summary>
    internal static readonly TimeSpan Overrun = TimeSpan.FromSeconds(2);

    private readonly Listeners _listeners;
    private readonly ILoggingAdapter _log;
    private readonly TimeSpan _phase;

    /// <summary>
    /// Reads the drain's timeout and raises the <c>service-unbind</c> phase to fit it. Called first thing, before the
    /// product's supervisors start: the first of them to start creates CoordinatedShutdown, which fixes the phases' timeouts.
    /// </summary>
    public static TimeSpan Prepare(ExtendedActorSystem system)
    {
        var timeout = ReadTimeout(system.Settings.Config);
        PhaseTimeouts.Raise(system, CoordinatedShutdown.PhaseServiceUnbind, timeout + Overrun);
        return timeout;
    }

    /// <summary>
    /// The <c>service-unbind</c> phase's timeout that the drain configured in <paramref name="config"/> needs, for a
    /// system whose CoordinatedShutdown is created before the product's extensions run (a cluster node: Akka.Cluster
    /// creates it at start), so that it goes into the config the system is created with; null when
    /// <paramref name="config"/> sets that timeout itself.
    /// </summary>
    /// <exception cref="ConfigurationException">The drain's timeout is invalid; the message names the key and the value.</exception>
    internal static TimeSpan? PhaseTimeoutFor(Config config) =>
        config.HasPath(PhaseTimeouts.Key(CoordinatedShutdown.PhaseServiceUnbind)) ? null : ReadTimeout(config) + Overrun;

    public DrainOnShutdown(ExtendedActorSystem system, Listeners listeners, TimeSpan timeout)
    {
        _listeners = listeners;
        _log = Logging.GetLogger(system, typeof(Listeners));
        Timeout = timeout;
        _phase = PhaseTimeouts.Require(system, CoordinatedShutdown.PhaseServiceUnbind, Timeout + Overrun, $"Draining the listeners ({TimeoutKey} = {Timeout})");
        try
        {
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceUnbind, "drain-listeners", DrainAllAsync);
        }
        catch (InvalidOperationException)
        {
            // The system is already past that phase: its listeners stop with their supervisors.
        }
    }

    /// <summary>The drain's timeout on shutdown.</summary>
    public TimeSpan Timeout { get; }

    private async Task<Done> DrainAllAsync()
    {
        IReadOnlyList<string> names;
        try
        {
            names = await _listeners.ListAsync().WaitAsync(_phase).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or CallTimeoutException or NoProcException or InvalidOperationException)
        {
            _log.Warning("The listeners were not drained on shutdown: they could not be listed ({0}).", e.Message);
            return Done.Instance;
        }
        var drains = names.Select(name => (Name: name, Task: _listeners.DrainAsync(name, Timeout))).ToList();
        // Report before the phase runs out, so that a drain cut short is never cut silently.
        var budget = _phase - TimeSpan.FromMilliseconds(Math.Min(500, _phase.TotalMilliseconds / 10));
        var all = Task.WhenAll(drains.Select(d => d.Task));
        await Task.WhenAny(all, Task.Delay(budget)).ConfigureAwait(false);
        foreach (var (name, task) in drains)
        {
            if (!task.IsCompleted)
                _log.Warning("Listener '{0}' was still draining when CoordinatedShutdown's service-unbind phase ran out ({1}); it is stopped with its supervisor.", name, _phase);
            else if (task.IsCompletedSuccessfully)
                _log.Info("Listener '{0}' drained on shutdown: {1}, {2} acknowledged, {3} cut at the deadline, in {4} ms.", name, task.Result.Outcome,
                    task.Result.Acknowledged, task.Result.Remaining, (long)task.Result.Duration.TotalMilliseconds);
            else if (task.Exception?.InnerException is not ListenerNotFoundException)
                _log.Warning(task.Exception?.InnerException, "Listener '{0}' did not drain on shutdown.", name);
        }
        return Done.Instance;
    }

    private static TimeSpan ReadTimeout(Config config)
    {
        TimeSpan timeout;
        try
        {
            // The default is reference.conf's, which may not be in the config yet: it comes with the root supervisor.
            timeout = config.GetTimeSpan(TimeoutKey, TimeSpan.FromSeconds(10), allowInfinite: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ConfigurationException($"{TimeoutKey} = '{config.GetString(TimeoutKey)}' is not a duration (write it as 10s or 500ms): {e.Message}", e);
        }
        if (timeout < TimeSpan.Zero)
            throw new ConfigurationException($"{TimeoutKey} = {timeout} must be zero or more.");
        return timeout;
    }
}

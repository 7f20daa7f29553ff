using Akka.Actor;
using ActorRecorder.Otp;
using ActorRecorder.Recording;

namespace ActorRecorder.Http;

/// <summary>
/// The listeners of an actor system (roadrunner's <c>start_listener/2</c>, <c>stop_listener/1</c>, <c>listeners/0</c>),
/// an Akka extension: <c>Listeners.Get(system)</c>. Each listener is a <c>ListenerActor</c> started under the root
/// supervisor's <c>listeners</c> with a permanent child spec: if it crashes it is restarted and binds its port again.
/// A drained listener is removed (roadrunner's <c>drain/2</c>); on the system's CoordinatedShutdown every listener
/// drains in the <c>service-unbind</c> phase, within <c>actor-recorder.drain.timeout</c>.
/// </summary>
public sealed class Listeners : IExtension
{
    /// <summary>How long past its deadline a drain's answer is waited for before the listener is stopped regardless.</summary>
    private static readonly TimeSpan DrainAnswerGrace = DrainOnShutdown.Overrun + TimeSpan.FromSeconds(3);

    private readonly ActorSystem _system;
    private readonly DrainOnShutdown _shutdown;

    private Listeners(ExtendedActorSystem system)
    {
        _system = system;
        var drainTimeout = DrainOnShutdown.Prepare(system); // before the supervisors start: see Prepare
        RootSupervisor.Get(system);
        _shutdown = new DrainOnShutdown(system, this, drainTimeout);
    }

    /// <summary>The system's listeners.</summary>
    public static Listeners Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<Listeners, ListenersProvider>();
    }

    /// <summary>Starts listener <paramref name="name"/> and returns once it serves, with the endpoint it is bound to.</summary>
    /// <exception cref="InvalidListenerOptionException">An option or combination is invalid, or the certificate cannot be loaded.</exception>
    /// <exception cref="ListenerAlreadyStartedException">A listener with that name runs.</exception>
    /// <exception cref="ListenerBindException">The port is in use or not permitted, or the address is not this host's.</exception>
    /// <exception cref="ListenerStartException">It failed to start for another reason.</exception>
    public async Task<ListenerInfo> StartAsync(string name, ListenerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(name) || !ActorPath.IsValidPathElement(name))
            throw new ArgumentException($"'{name}' is not a valid listener name: use letters, digits and -_.*$+:@&=,!~';", nameof(name));
        options.Validate(name);
        var supervisor = await ListenersSupervisorAsync(cancellationToken).ConfigureAwait(false);
        var state = new ListenerState(name, options, _system);
        var spec = new ChildSpec(name, ListenerActor.Props(state), Restart.Permanent, Shutdown.Timeout(TimeSpan.FromSeconds(10)));
        var result = await supervisor.StartChildAsync(spec, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result switch
        {
            SupervisorResult.Started => state.Info(),
            SupervisorResult.AlreadyStarted or SupervisorResult.AlreadyPresent => throw new ListenerAlreadyStartedException(name),
            SupervisorResult.StartFailed { Reason.Exception: { } cause } => throw StartError(name, cause),
            _ => throw new ListenerStartException(name, new InvalidOperationException($"The listeners supervisor answered {result}.")),
        };
    }

    /// <summary>Stops listener <paramref name="name"/> (terminate and delete its child); false when there is none.</summary>
    public async Task<bool> StopAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var supervisor = await ListenersSupervisorAsync(cancellationToken).ConfigureAwait(false);
        var terminated = await supervisor.TerminateChildAsync(name, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        if (terminated is not SupervisorResult.Ok) return false;
        await supervisor.DeleteChildAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The names of the listeners, in start order.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var supervisor = await ListenersSupervisorAsync(cancellationToken).ConfigureAwait(false);
        var children = await supervisor.WhichChildrenAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return children.Select(c => c.Id).ToArray();
    }

    /// <summary>Listener <paramref name="name"/>'s endpoint, status and counters; null when there is none.</summary>
    public async Task<ListenerInfo?> InfoAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var supervisor = await ListenersSupervisorAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(supervisor, name, cancellationToken).ConfigureAwait(false) is not { } listener) return null;
        try
        {
            return await listener.Call<ListenerInfo>(ListenerActor.GetInfo.Instance, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (NoProcException)
        {
            return null; // stopped meanwhile
        }
    }

    /// <summary>
    /// Drains listener <paramref name="name"/> (roadrunner's <c>drain/2</c>) and removes it. It stops accepting at once
    /// (its status reads <see cref="ListenerStatus.Draining"/> meanwhile); every handler actor gets <see cref="Drain"/>
    /// with the deadline, and those that acknowledge are counted; HTTP/1.1 connections close after their request in
    /// flight, HTTP/2 connections get GOAWAY. It ends <see cref="DrainOutcome.Drained"/> as soon as no connection and no
    /// handler is left, or <see cref="DrainOutcome.TimedOut"/> at the deadline, when the handlers left are stopped and
    /// their connections aborted. Then the listener is terminated and deleted from its supervisor, never restarted.
    /// A drain of a listener that already drains joins it and gets the same result.
    /// </summary>
    /// <param name="name">The listener.</param>
    /// <param name="timeout">From now to the deadline.</param>
    /// <param name="cancellationToken">Stops waiting; the drain itself goes on to its end.</param>
    /// <exception cref="ListenerNotFoundException">No listener has that name.</exception>
    public Task<DrainResult> DrainAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (timeout < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A drain needs a deadline: give a timeout of zero or more.");
        return DrainAndRemoveAsync(name, timeout).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Tells every handler actor of listener <paramref name="name"/> <see cref="Drain"/> with <paramref name="deadline"/>,
    /// and nothing else (roadrunner's <c>notify_drain</c>): the listener keeps accepting and stops nobody. Returns how
    /// many handlers were told.
    /// </summary>
    /// <exception cref="ListenerNotFoundException">No listener has that name.</exception>
    public async Task<int> NotifyDrainAsync(string name, DateTimeOffset deadline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var listener = await RequireAsync(name, cancellationToken).ConfigureAwait(false);
        try
        {
            return await listener.Call<int>(new ListenerActor.NotifyDrain(DrainDeadline.At(deadline)), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (NoProcException)
        {
            throw new ListenerNotFoundException(name);
        }
    }

    /// <summary>As <see cref="NotifyDrainAsync(string, DateTimeOffset, CancellationToken)"/>, with the deadline <paramref name="timeout"/> from now.</summary>
    /// <exception cref="ListenerNotFoundException">No listener has that name.</exception>
    public Task<int> NotifyDrainAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        NotifyDrainAsync(name, DateTimeOffset.UtcNow + timeout, cancellationToken);

    /// <summary>The drain's timeout on the system's shutdown (<c>actor-recorder.drain.timeout</c>).</summary>
    public TimeSpan ShutdownDrainTimeout => _shutdown.Timeout;

    private async Task<DrainResult> DrainAndRemoveAsync(string name, TimeSpan timeout)
    {
        // Not the caller's token: a drain, once begun, runs to its end and its listener is removed.
        var supervisor = await ListenersSupervisorAsync(CancellationToken.None).ConfigureAwait(false);
        var listener = await FindAsync(supervisor, name, CancellationToken.None).ConfigureAwait(false) ?? throw new ListenerNotFoundException(name);
        DrainResult result;
        try
        {
            result = await listener.Call<DrainResult>(new ListenerActor.StartDrain(timeout), timeout + DrainAnswerGrace).ConfigureAwait(false);
        }
        catch (NoProcException)
        {
            throw new ListenerNotFoundException(name);
        }
        finally
        {
            // terminate_child, which a supervisor never restarts, by ref: a listener started under the same name since is
            // not this one. A drain that joined finds it gone already.
            if (await supervisor.TerminateChildAsync(listener, TimeSpan.FromSeconds(30)).ConfigureAwait(false) is SupervisorResult.Ok)
                await supervisor.DeleteChildAsync(name).ConfigureAwait(false);
        }
        return result;
    }

    private async Task<IActorRef> RequireAsync(string name, CancellationToken cancellationToken)
    {
        var supervisor = await ListenersSupervisorAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(supervisor, name, cancellationToken).ConfigureAwait(false) ?? throw new ListenerNotFoundException(name);
    }

    private static async Task<IActorRef?> FindAsync(IActorRef supervisor, string name, CancellationToken cancellationToken)
    {
        var children = await supervisor.WhichChildrenAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return children.FirstOrDefault(c => c.Id == name)?.Child;
    }

    private Task<IActorRef> ListenersSupervisorAsync(CancellationToken cancellationToken) => RootSupervisor.Get(_system).ListenersAsync(cancellationToken);

    private static Exception StartError(string name, Exception cause) => ExitUnwrap(cause) switch
    {
        ListenerBindException bind => new ListenerBindException(bind.Listener, bind.Endpoint, bind.Reason, bind),
        InvalidListenerOptionException invalid => invalid,
        var other => new ListenerStartException(name, other),
    };

    private static Exception ExitUnwrap(Exception cause)
    {
        while (cause is ActorInitializationException or System.Reflection.TargetInvocationException && cause.InnerException is { } inner) cause = inner;
        return cause;
    }

    private sealed class ListenersProvider : ExtensionIdProvider<Listeners>
    {
        public override Listeners CreateExtension(ExtendedActorSystem system) => new(system);
    }
}

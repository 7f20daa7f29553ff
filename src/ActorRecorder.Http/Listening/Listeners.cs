using Akka.Actor;
using ActorRecorder.Otp;
using ActorRecorder.Recording;

namespace ActorRecorder.Http;

/// <summary>
/// The listeners of an actor system (roadrunner's <c>start_listener/2</c>, <c>stop_listener/1</c>, <c>listeners/0</c>),
/// an Akka extension: <c>Listeners.Get(system)</c>. Each listener is a <c>ListenerActor</c> started under the root
/// supervisor's <c>listeners</c> with a permanent child spec: if it crashes it is restarted and binds its port again.
/// </summary>
public sealed class Listeners : IExtension
{
    private readonly ActorSystem _system;

    private Listeners(ActorSystem system) => _system = system;

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
        var children = await supervisor.WhichChildrenAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (children.FirstOrDefault(c => c.Id == name) is not { Child: { } listener }) return null;
        try
        {
            return await listener.Call<ListenerInfo>(ListenerActor.GetInfo.Instance, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (NoProcException)
        {
            return null; // stopped meanwhile
        }
    }

    private Task<IActorRef> ListenersSupervisorAsync(CancellationToken cancellationToken) => RootSupervisor.Get(_system).ListenersAsync(cancellationToken);

    private static Exception StartError(string name, Exception cause) => ExitUnwrap(cause) switch
    {
        ListenerBindException bind => new ListenerBindException(bind.Listener, bind.Endpoint, bind.Message, bind),
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

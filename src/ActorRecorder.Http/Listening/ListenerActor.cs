using Akka.Actor;
using Akka.Actor.Internal;

namespace ActorRecorder.Http;

/// <summary>
/// One listener: an Akka actor under the root supervisor's <c>listeners</c>, started with a permanent child spec.
/// It binds its Kestrel server in <c>PreStart</c> (a bind failure is a start failure, as roadrunner's <c>init</c>) and
/// closes it in <c>PostStop</c>. Its handler actors (a loop request, a WebSocket session) are its children, so a
/// restart or stop of the listener stops them too; a handler that crashes is stopped, never restarted.
/// It drains on <see cref="StartDrain"/>: it stops accepting, tells every handler <see cref="Drain"/>, counts their
/// <see cref="DrainAcknowledged"/>, and at the deadline stops the handlers left and aborts their connections.
/// </summary>
internal sealed class ListenerActor : ReceiveActor, IWithTimers
{
    /// <summary>How long a stopping listener lets open requests finish before Kestrel aborts them.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly ListenerState _state;
    private readonly Dictionary<IActorRef, IHandlerConnection> _handlers = [];
    private ListenerServer? _server;
    private ListenerDrain? _drain;

    public ListenerActor(ListenerState state)
    {
        _state = state;
        Receive<GetInfo>(_ => Sender.Tell(_state.Info()));
        Receive<StartHandler>(start =>
        {
            var props = Akka.Actor.Props.CreateBy(new HandlerProducer(start.Props, start.Connection));
            // A handler's own choice of mailbox stands; otherwise the compact one, as most sessions are idle.
            if (string.IsNullOrEmpty(start.Props.Mailbox)) props = props.WithMailbox(CompactMailbox.ConfigPath);
            // Not watched: a handler says when it has stopped (HandlerEnded), which spares each idle session DeathWatch's state.
            var handler = Context.ActorOf(props);
            _handlers[handler] = start.Connection;
            Sender.Tell(handler);
            // A session that finished its handshake during a drain hears of it right after its start, and is cut if it is late.
            if (_drain is { Forced: true }) Cut(handler, start.Connection);
            else if (_drain is not null) handler.Tell(new Drain(_drain.Deadline));
        });
        Receive<HandlerEnded>(ended =>
        {
            _handlers.Remove(ended.Handler);
            CompleteDrainIfDone();
        });
        Receive<StartDrain>(start => BeginDrain(start.Timeout, Sender));
        Receive<NotifyDrain>(notify =>
        {
            var drain = new Drain(notify.Deadline);
            foreach (var handler in _handlers.Keys) handler.Tell(drain);
            Sender.Tell(_handlers.Count);
        });
        Receive<DrainAcknowledged>(ack => _drain?.Acknowledged(ack.Handler));
        Receive<DeadlineReached>(_ => ForceDrain());
        Receive<ServerStopped>(_ =>
        {
            if (_drain is null) return;
            _drain.ServerStopped = true;
            CompleteDrainIfDone();
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ListenerState state) => Akka.Actor.Props.Create(() => new ListenerActor(state));

    protected override void PreStart()
    {
        _server = new ListenerServer(_state, Self);
        _state.Status = ListenerStatus.Accepting;
        try
        {
            _state.Endpoint = _server.Start();
        }
        catch
        {
            _state.Status = ListenerStatus.Stopped;
            throw;
        }
    }

    protected override void PostStop()
    {
        _state.Status = ListenerStatus.Stopped;
        // Akka stops the handler children first; their connections close with them.
        foreach (var (_, connection) in _handlers) connection.HandlerStopped(crashed: false);
        // Stopped while draining: Kestrel's graceful stop is under way already, and is given the same grace as a stop.
        if (_drain is { Result: null } draining) draining.AbortConnections.CancelAfter(StopGrace);
        if (_server is { } server)
        {
            server.Stop(StopGrace);
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        if (_drain is { } drain)
        {
            // Stopped while draining (its supervisor stopped it): whoever waits hears what was left.
            if (drain.Result is null) drain.Force(_handlers.Count);
            drain.Complete(_state.Name);
            drain.Dispose();
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => new HandlerStrategy(_handlers);

    /// <summary>Starts the drain, or joins the one under way.</summary>
    private void BeginDrain(TimeSpan timeout, IActorRef waiter)
    {
        if (_drain is { } running)
        {
            running.Join(waiter);
            return;
        }
        var drain = _drain = new ListenerDrain(DrainDeadline.After(timeout));
        drain.Join(waiter);
        _state.Status = ListenerStatus.Draining;
        // Kestrel stops accepting at once and closes each connection as soon as it is idle.
        var self = Self;
        _server!.StopGracefullyAsync(drain.AbortConnections.Token).ContinueWith(_ => self.Tell(ServerStopped.Instance), TaskScheduler.Default);
        var message = new Drain(drain.Deadline);
        foreach (var handler in _handlers.Keys) handler.Tell(message);
        Timers.StartSingleTimer(DeadlineReached.Instance, DeadlineReached.Instance, timeout);
    }

    /// <summary>The deadline: every handler still running is cut, then Kestrel aborts every connection left.</summary>
    private void ForceDrain()
    {
        if (_drain is not { Result: null, Forced: false } drain) return;
        drain.Force((int)Math.Max(_handlers.Count, _state.Counters.InFlight));
        var closing = _handlers.Select(h => Cut(h.Key, h.Value)).ToArray();
        // The WebSocket sessions' close frames (1001) go out before the connections are aborted under them.
        var abort = drain.AbortConnections;
        Task.WhenAll(closing).ContinueWith(_ =>
        {
            try
            {
                abort.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The listener has stopped meanwhile, and Kestrel with it.
            }
        }, TaskScheduler.Default);
        CompleteDrainIfDone();
    }

    /// <summary>Stops a handler that outlived the deadline (exit reason shutdown) and closes its connection now.</summary>
    private static Task Cut(IActorRef handler, IHandlerConnection connection)
    {
        var closed = connection.ShutdownAsync();
        Context.Stop(handler);
        return closed;
    }

    private void CompleteDrainIfDone()
    {
        if (_drain is not { Result: null, ServerStopped: true } drain || _handlers.Count > 0) return;
        _state.Status = ListenerStatus.Stopped;
        drain.Complete(_state.Name);
        Timers.Cancel(DeadlineReached.Instance);
    }

    /// <summary>
    /// A crashed handler is stopped, never restarted, and its connection closes as crashed (WebSocket 1011, HTTP 500) at
    /// once: also when it failed in its constructor, when there is no instance to say it stopped.
    /// </summary>
    private sealed class HandlerStrategy(Dictionary<IActorRef, IHandlerConnection> handlers) : OneForOneStrategy(-1, Timeout.InfiniteTimeSpan, _ => Directive.Stop)
    {
        public override void ProcessFailure(IActorContext context, bool restart, IActorRef child, Exception cause, ChildRestartStats stats,
            IReadOnlyCollection<ChildRestartStats> children)
        {
            if (handlers.Remove(child, out var connection))
            {
                connection.HandlerStopped(crashed: true);
                context.Self.Tell(new HandlerEnded(child)); // a crash in the constructor sends no HandlerEnded of its own
            }
            base.ProcessFailure(context, restart, child, cause, stats, children);
        }
    }

    /// <summary>A handler has stopped (from its <c>AroundPostStop</c>): its listener forgets it.</summary>
    internal sealed record HandlerEnded(IActorRef Handler);

    /// <summary>Asks for the listener's <see cref="ListenerInfo"/>.</summary>
    internal sealed class GetInfo
    {
        public static readonly GetInfo Instance = new();
    }

    /// <summary>Starts a handler actor for a connection; answers its ref.</summary>
    internal sealed record StartHandler(Props Props, IHandlerConnection Connection);

    /// <summary>Drains the listener within <paramref name="Timeout"/>; answers the <see cref="DrainResult"/> when it has ended.</summary>
    internal sealed record StartDrain(TimeSpan Timeout);

    /// <summary>Tells every handler <see cref="Drain"/> and keeps accepting; answers how many were told.</summary>
    internal sealed record NotifyDrain(DrainDeadline Deadline);

    private sealed class DeadlineReached
    {
        public static readonly DeadlineReached Instance = new();
    }

    private sealed class ServerStopped
    {
        public static readonly ServerStopped Instance = new();
    }
}

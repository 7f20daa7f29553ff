using Akka.Actor;
using Akka.Actor.Internal;

namespace ActorRecorder.Http;

/// <summary>
/// One listener: an Akka actor under the root supervisor's <c>listeners</c>, started with a permanent child spec.
/// It binds its Kestrel server in <c>PreStart</c> (a bind failure is a start failure, as roadrunner's <c>init</c>) and
/// closes it in <c>PostStop</c>. Its handler actors (a loop request, a WebSocket session) are its children, so a
/// restart or stop of the listener stops them too; a handler that crashes is stopped, never restarted.
/// </summary>
internal sealed class ListenerActor : ReceiveActor
{
    /// <summary>How long a stopping listener lets open requests finish before Kestrel aborts them.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly ListenerState _state;
    private readonly Dictionary<IActorRef, IHandlerConnection> _handlers = [];
    private ListenerServer? _server;

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
        });
        Receive<HandlerEnded>(ended => _handlers.Remove(ended.Handler));
    }

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
        if (_server is { } server)
        {
            server.Stop(StopGrace);
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => new HandlerStrategy(_handlers);

    /// <summary>
    /// A crashed handler is stopped, never restarted, and its connection closes as crashed (WebSocket 1011, HTTP 500) at
    /// once: also when it failed in its constructor, when there is no instance to say it stopped.
    /// </summary>
    private sealed class HandlerStrategy(Dictionary<IActorRef, IHandlerConnection> handlers) : OneForOneStrategy(-1, Timeout.InfiniteTimeSpan, _ => Directive.Stop)
    {
        public override void ProcessFailure(IActorContext context, bool restart, IActorRef child, Exception cause, ChildRestartStats stats,
            IReadOnlyCollection<ChildRestartStats> children)
        {
            if (handlers.Remove(child, out var connection)) connection.HandlerStopped(crashed: true);
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
}

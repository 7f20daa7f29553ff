using Akka.Actor;

namespace ActorRecorder.Http;

/// <summary>
/// What <see cref="LoopHandler"/> and <see cref="WebSocketHandler"/> share: the connection their listener created them for,
/// the request, the drain (<see cref="OnDrain"/>, <c>AcknowledgeDrain</c>), and the close of the connection and the word
/// to the listener once the actor has stopped. Derive from one of the two.
/// </summary>
public abstract class HandlerActor : ReceiveActor
{
    private readonly IHandlerConnection _connection;
    private DrainAcknowledgement _drain;

    private protected HandlerActor(IHandlerConnection connection)
    {
        _connection = connection;
        Receive<Drain>(drain =>
        {
            _drain.Received(drain);
            OnDrain(drain);
        });
    }

    /// <summary>The request (a WebSocket handler's is its upgrade request).</summary>
    protected HttpRequestContext Request => _connection.Request;

    private protected IHandlerConnection Connection => _connection;

    /// <summary>Closes the connection once the actor has stopped (after <c>PostStop</c>), and tells its listener.</summary>
    public override void AroundPostStop()
    {
        try
        {
            base.AroundPostStop();
        }
        finally
        {
            _connection.HandlerStopped(crashed: false); // a crash has closed it as crashed already
            Context.Parent.Tell(new ListenerActor.HandlerEnded(Self));
        }
    }

    /// <summary>The listener drains: finish by <c>drain.Deadline</c>, or be stopped then and the connection cut.</summary>
    protected abstract void OnDrain(Drain drain);

    /// <summary>Tells the listener this handler has heard the drain (roadrunner's <c>acknowledge_drain/1</c>); without a drain in flight it does nothing.</summary>
    protected void AcknowledgeDrain() => _drain.Acknowledge(Context, Request, null);

    /// <summary>Tells the listener this handler has heard the drain and its <paramref name="deadline"/> (roadrunner's <c>acknowledge_drain/2</c>).</summary>
    protected void AcknowledgeDrain(DrainDeadline deadline) => _drain.Acknowledge(Context, Request, deadline);
}

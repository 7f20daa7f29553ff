using Akka.Actor;
using ActorRecorder.Recording;

namespace ActorRecorder.Http;

/// <summary>
/// A WebSocket session's actor, one per session, a child of its listener (roadrunner's WebSocket handler).
/// <list type="bullet">
/// <item><c>PreStart</c> is roadrunner's <c>init</c>.</item>
/// <item><see cref="HandleFrame"/> gets each complete message, fragments reassembled.</item>
/// <item><see cref="Send"/> and <see cref="Close"/> write to the client and never block.</item>
/// <item>Any other message is roadrunner's <c>handle_info</c>: add <c>Receive</c>s for it.</item>
/// </list>
/// Ping, pong and the closing handshake are handled for it: invalid UTF-8 closes with 1007, a protocol error with
/// 1002, a message over max-message-size with 1009. The actor stops when the socket closes; the socket closes when
/// the actor stops (1000), or crashes (1011). When its listener drains, <see cref="OnDrain"/> gets the deadline; by
/// default it acknowledges and closes with 1001 (going away).
/// </summary>
public abstract class WebSocketHandler : HandlerActor
{
    /// <summary>Takes the session its listener created it for.</summary>
    protected WebSocketHandler()
        : base(HandlerProducer.Current<WebSocketSession>(nameof(WebSocketHandler)))
    {
        Receive<WebSocketSession.FrameReceived>(f => HandleFrame(f.Frame));
        Receive<WebSocketSession.Ended>(_ => Context.Stop(Self));
    }

    /// <summary>The session's id (the upgrade request's id).</summary>
    protected string SessionId => Request.RequestId;

    // The base keeps the connection: one field per idle session, not two.
    private WebSocketSession Session => (WebSocketSession)Connection;

    /// <summary>One complete message from the client: text or binary.</summary>
    protected abstract void HandleFrame(Frame frame);

    /// <summary>Sends a text or binary message; it is queued, in order, and recorded once sent.</summary>
    protected void Send(Frame frame) => Session.Send(frame);

    /// <summary>Starts the closing handshake with <paramref name="code"/>; the actor stops when it completes.</summary>
    protected void Close(ushort code = 1000, string reason = "") => Session.Close(code, reason);

    /// <summary>
    /// The listener drains: close by <c>drain.Deadline</c>, or be stopped then (and the socket closed with 1001). By
    /// default the handler acknowledges and closes with 1001 (going away); override it to send a last message first,
    /// or to take the time it is given.
    /// </summary>
    protected override void OnDrain(Drain drain)
    {
        ArgumentNullException.ThrowIfNull(drain);
        AcknowledgeDrain(drain.Deadline);
        Close(GoingAway, "server draining");
    }

    /// <summary>The close code for a server going away (1001), which a drain closes with.</summary>
    protected const ushort GoingAway = 1001;
}

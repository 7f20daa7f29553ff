using ActorRecorder.Http;
using ActorRecorder.Recording;

namespace ActorRecorder.Server.Serving;

/// <summary>
/// <c>/ws/echo</c>: sends every message back as it came, and is recorded by its listener. A drain gets
/// <see cref="WebSocketHandler"/>'s default answer: acknowledge, close with 1001. It shows itself on the status page while it runs.
/// </summary>
internal sealed class EchoSession(ServeState state) : WebSocketHandler
{
    /// <inheritdoc />
    protected override void PreStart()
    {
        base.PreStart();
        state.Sessions[SessionId] = new SessionInfo(SessionId, Request.Listener, Request.Path, Request.Peer?.ToString(), Self.Path.ToStringWithoutAddress(), DateTimeOffset.UtcNow);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        state.Sessions.TryRemove(SessionId, out _);
        base.PostStop();
    }

    /// <inheritdoc />
    protected override void HandleFrame(Frame frame) => Send(frame);
}

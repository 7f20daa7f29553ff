namespace ActorRecorder.Http;

/// <summary>The connection side of a handler actor: its listener tells it when the actor has terminated, and whether it crashed.</summary>
internal interface IHandlerConnection
{
    void HandlerStopped(bool crashed);
}

namespace ActorRecorder.Http;

/// <summary>The connection side of a handler actor, as its listener sees it.</summary>
internal interface IHandlerConnection
{
    /// <summary>The request the handler serves.</summary>
    HttpRequestContext Request { get; }

    /// <summary>The handler actor has terminated (<paramref name="crashed"/>: by a failure): the connection closes accordingly.</summary>
    void HandlerStopped(bool crashed);

    /// <summary>A drain's deadline has passed with the handler still running: closes the connection now (1001 for a WebSocket, if it can still be written); completes once it is closed.</summary>
    Task ShutdownAsync();
}

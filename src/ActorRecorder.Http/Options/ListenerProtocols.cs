namespace ActorRecorder.Http;

/// <summary>The HTTP versions a listener speaks (roadrunner's <c>protocols</c>).</summary>
public enum ListenerProtocols
{
    /// <summary>HTTP/1.1 only (WebSocket upgrades included).</summary>
    Http1,

    /// <summary>HTTP/2 only; without TLS, prior-knowledge h2c.</summary>
    Http2,

    /// <summary>Both, negotiated with ALPN; needs TLS.</summary>
    Http1AndHttp2,
}

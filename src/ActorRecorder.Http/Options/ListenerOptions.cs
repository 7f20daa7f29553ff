using System.Net;

namespace ActorRecorder.Http;

/// <summary>
/// A listener's options: roadrunner's keys and defaults, mapped onto Kestrel's limits. Only <see cref="Port"/> has
/// no default. <see cref="Validate"/> checks each value and combination and names the key, the value and why.
/// The same options load from HOCON with <see cref="FromConfig"/> (<c>actor-recorder.listeners.&lt;name&gt;</c>).
/// </summary>
public sealed record ListenerOptions
{
    /// <summary>The address to bind (roadrunner's <c>ip</c>): 127.0.0.1 unless set.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port (roadrunner's <c>port</c>); 0 asks the system for a free one, reported by <see cref="ListenerInfo.Port"/>.</summary>
    public required int Port { get; init; }

    /// <summary>What the listener serves; a request no route matches gets 404.</summary>
    public Routes Routes { get; init; } = new();

    /// <summary>Connections served at once (<c>max_clients</c>); one more is refused and counted as rejected.</summary>
    public int MaxClients { get; init; } = 150;

    /// <summary>Requests served on one HTTP/1.1 connection (<c>max_keep_alive</c>); the last is answered with <c>Connection: close</c>.</summary>
    public int MaxKeepAliveRequests { get; init; } = 1000;

    /// <summary>Time to read a request's headers (<c>request_timeout</c>); then 408.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle keep-alive connection stays open (<c>keep_alive_timeout</c>).</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest request body in bytes (<c>max_content_length</c>); a larger one gets 413.</summary>
    public long MaxContentLength { get; init; } = 10 * 1024 * 1024;

    /// <summary>Longest request line in bytes (<c>max_request_line</c>); a longer one gets 414.</summary>
    public int MaxRequestLineSize { get; init; } = 8192;

    /// <summary>Longest header line in bytes, name and value (<c>max_header_line</c>); a longer one gets 431.</summary>
    public int MaxHeaderLineSize { get; init; } = 8192;

    /// <summary>Largest header block in bytes (<c>max_header_block</c>); a larger one gets 431.</summary>
    public int MaxHeaderBlockSize { get; init; } = 10240;

    /// <summary>Most headers in a request (<c>max_headers</c>); more get 431.</summary>
    public int MaxHeaderCount { get; init; } = 100;

    /// <summary>Slowest request body a client may send, in bytes per second (<c>min_bytes_per_second</c>); 0 disables the guard.</summary>
    public int MinBytesPerSecond { get; init; } = 100;

    /// <summary>The accept queue's length (<c>backlog</c>).</summary>
    public int SocketBacklog { get; init; } = 1024;

    /// <summary>HTTP/1.1, HTTP/2 or both (both need <see cref="Tls"/>).</summary>
    public ListenerProtocols Protocols { get; init; } = ListenerProtocols.Http1;

    /// <summary>TLS, or null for plain TCP.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>Largest WebSocket frame in bytes; a larger one closes the session with 1009.</summary>
    public int MaxFrameSize { get; init; } = 10 * 1024 * 1024;

    /// <summary>Largest WebSocket message (fragments reassembled) in bytes; a larger one closes the session with 1009.</summary>
    public int MaxMessageSize { get; init; } = 10 * 1024 * 1024;

    /// <summary>permessage-deflate when the client offers it.</summary>
    public bool PerMessageDeflate { get; init; } = true;

    /// <summary>Requests per client IP (ASP.NET Core's rate limiter), or null for no limit.</summary>
    public ClientRateLimit? RateLimit { get; init; }

    /// <summary>Cross-origin requests allowed (ASP.NET Core's CORS), or null for none.</summary>
    public CorsSettings? Cors { get; init; }

    /// <summary>Compress responses (gzip, brotli) when the client accepts it (ASP.NET Core's response compression).</summary>
    public bool Compression { get; init; }

    /// <summary>Serve the files of this directory (ASP.NET Core's static files: ETag, Range, conditional requests); routes come after.</summary>
    public string? StaticFiles { get; init; }

    /// <summary>Record every WebSocket session under this directory (<c>&lt;RecordTo&gt;/&lt;listener&gt;/&lt;UTC time&gt;-&lt;session&gt;.jsonl</c>); null records nothing.</summary>
    public string? RecordTo { get; init; }

    /// <summary>Throws <see cref="InvalidListenerOptionException"/> naming the first invalid key of listener <paramref name="listener"/>.</summary>
    public void Validate(string listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        void Require(bool ok, string key, object? value, string why)
        {
            if (!ok) throw new InvalidListenerOptionException(listener, key, value, why);
        }

        Require(Address is not null, "address", null, "an address is required");
        Require(Port is >= 0 and <= 65535, "port", Port, "a port is 0 (ephemeral) to 65535");
        Require(Routes is not null, "routes", null, "routes are required (an empty Routes serves 404)");
        Require(MaxClients > 0, "max-clients", MaxClients, "at least one client must be allowed");
        Require(MaxKeepAliveRequests > 0, "max-keep-alive-requests", MaxKeepAliveRequests, "must be positive");
        Require(RequestTimeout > TimeSpan.Zero, "request-timeout", RequestTimeout, "must be positive");
        Require(KeepAliveTimeout > TimeSpan.Zero, "keep-alive-timeout", KeepAliveTimeout, "must be positive");
        Require(MaxContentLength >= 0, "max-content-length", MaxContentLength, "must be 0 or more");
        Require(MaxRequestLineSize > 0, "max-request-line-size", MaxRequestLineSize, "must be positive");
        Require(MaxHeaderLineSize > 0, "max-header-line-size", MaxHeaderLineSize, "must be positive");
        Require(MaxHeaderBlockSize > 0, "max-header-block-size", MaxHeaderBlockSize, "must be positive");
        Require(MaxHeaderCount > 0, "max-header-count", MaxHeaderCount, "must be positive");
        Require(MinBytesPerSecond >= 0, "min-bytes-per-second", MinBytesPerSecond, "must be 0 (off) or more");
        Require(SocketBacklog > 0, "socket-backlog", SocketBacklog, "must be positive");
        Require(Enum.IsDefined(Protocols), "protocols", Protocols, "must be http1, http2 or http1-and-http2");
        Require(Protocols != ListenerProtocols.Http1AndHttp2 || Tls is not null, "protocols", Protocols,
            "HTTP/1.1 and HTTP/2 on one port are negotiated with ALPN, which needs TLS; set tls, or choose one protocol (http2 alone is prior-knowledge h2c)");
        Require(MaxFrameSize > 0, "max-frame-size", MaxFrameSize, "must be positive");
        Require(MaxMessageSize >= MaxFrameSize, "max-message-size", MaxMessageSize,
            $"must be at least max-frame-size ({MaxFrameSize}): a message is one frame or more");
        if (RateLimit is { } limit)
        {
            Require(limit.PermitsPerSecond > 0, "rate-limit.permits-per-second", limit.PermitsPerSecond, "must be positive");
            Require(limit.Burst is null or > 0, "rate-limit.burst", limit.Burst, "must be positive");
        }
        if (Cors is { } cors)
        {
            Require(cors.AllowedOrigins.Count > 0, "cors.allowed-origins", "[]", "name at least one origin, or * for any");
            Require(!(cors.AllowCredentials && cors.AllowedOrigins.Contains("*")), "cors.allow-credentials", true,
                "credentials cannot be allowed for any origin (*): browsers refuse it; name the origins");
        }
        Require(StaticFiles is null || Directory.Exists(StaticFiles), "static-files", StaticFiles, "no such directory");
        Require(RecordTo is null || !File.Exists(RecordTo), "record-to", RecordTo, "is a file; it must be a directory (created if missing)");
        if (Tls is not null) TlsCertificates.Load(listener, Tls).Dispose();
    }

    /// <summary>
    /// The options of listener <paramref name="name"/> from <c>actor-recorder.listeners.&lt;name&gt;</c>, over the defaults in
    /// <c>actor-recorder.http</c>; <paramref name="routes"/> come from code. Load the file with <c>HoconLoader</c> so <c>${?PORT}</c> works.
    /// </summary>
    /// <exception cref="InvalidListenerOptionException">A key has a value of the wrong kind, with the key's full path.</exception>
    public static ListenerOptions FromConfig(Akka.Configuration.Config config, string name, Routes? routes = null) =>
        ListenerConfig.Read(config, name, routes ?? new Routes());
}

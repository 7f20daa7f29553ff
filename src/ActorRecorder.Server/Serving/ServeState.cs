using System.Collections.Concurrent;
using Akka.Actor;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorRecorder.Server.Serving;

/// <summary>What the server's routes share: the settings, the actor system once it runs, the live echo sessions, readiness, a logger.</summary>
internal sealed class ServeState(ServeSettings settings)
{
    private volatile ActorSystem? _system;
    private volatile bool _ready;

    public ServeSettings Settings { get; } = settings;

    /// <summary>The live WebSocket sessions of /ws/echo, by session id.</summary>
    public ConcurrentDictionary<string, SessionInfo> Sessions { get; } = new(StringComparer.Ordinal);

    public ILogger Log { get; set; } = NullLogger.Instance;

    /// <summary>The actor system; set once the host has started it.</summary>
    public ActorSystem? System
    {
        get => _system;
        set => _system = value;
    }

    /// <summary>True from the end of the start until the stop begins: /readyz.</summary>
    public bool Ready
    {
        get => _ready;
        set => _ready = value;
    }
}

/// <summary>A live WebSocket session as the status page shows it.</summary>
/// <param name="Id">The session's id (its upgrade request's id, also in its recording's file name).</param>
/// <param name="Listener">Its listener.</param>
/// <param name="Path">The path it was opened on.</param>
/// <param name="Peer">The client's address and port.</param>
/// <param name="Actor">Its handler actor's path.</param>
/// <param name="Started">When it opened (UTC).</param>
internal sealed record SessionInfo(string Id, string Listener, string Path, string? Peer, string Actor, DateTimeOffset Started);

namespace ActorRecorder.Actors;

/// <summary>
/// Where an actor system lives: protocol, system name and, for remote nodes, host and port.
/// A local address has no host; the cluster node fills host and port in later.
/// </summary>
public sealed record Address
{
    /// <summary>The protocol of every local address.</summary>
    public const string LocalProtocol = "akka";

    /// <summary>Creates an address.</summary>
    /// <param name="protocol">The protocol, e.g. <c>akka</c>.</param>
    /// <param name="system">The actor system name.</param>
    /// <param name="host">The host of a remote node, or <c>null</c> for a local address.</param>
    /// <param name="port">The port of a remote node, or <c>null</c>.</param>
    public Address(string protocol, string system, string? host = null, int? port = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        ArgumentException.ThrowIfNullOrEmpty(system);
        Protocol = protocol;
        System = system;
        Host = host;
        Port = port;
    }

    /// <summary>The protocol, e.g. <c>akka</c>.</summary>
    public string Protocol { get; }

    /// <summary>The name of the actor system.</summary>
    public string System { get; }

    /// <summary>The host of a remote node, <c>null</c> for a local address.</summary>
    public string? Host { get; }

    /// <summary>The port of a remote node, <c>null</c> for a local address.</summary>
    public int? Port { get; }

    /// <summary>True when this address names a node of its own (has a host).</summary>
    public bool HasGlobalScope => Host is not null;

    /// <summary>The local address of a system with the given name.</summary>
    public static Address Local(string system) => new(LocalProtocol, system);

    /// <summary>Renders <c>protocol://system[@host[:port]]</c>.</summary>
    public override string ToString() => Host is null
        ? $"{Protocol}://{System}"
        : Port is null ? $"{Protocol}://{System}@{Host}" : $"{Protocol}://{System}@{Host}:{Port}";
}

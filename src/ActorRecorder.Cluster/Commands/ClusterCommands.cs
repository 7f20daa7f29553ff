using ActorRecorder.Http;

namespace ActorRecorder.Cluster;

/// <summary>Drain listener <paramref name="Name"/> of the node that gets it; answered with <see cref="ListenerDrained"/>.</summary>
internal sealed record DrainListener(string Name, TimeSpan Timeout) : IClusterMessage;

/// <summary>Stop listener <paramref name="Name"/> of the node that gets it; answered with <see cref="ListenerStopped"/>.</summary>
internal sealed record StopListener(string Name) : IClusterMessage;

/// <summary>Drain every listener of the node that gets it, answer <see cref="NodeDrained"/>, then leave the cluster.</summary>
internal sealed record DrainNode(TimeSpan Timeout) : IClusterMessage;

/// <summary>A listener's drain has ended, with the node's own <see cref="DrainResult"/>.</summary>
internal sealed record ListenerDrained(string Name, DrainResult Result) : IClusterMessage;

/// <summary>A listener was stopped and removed.</summary>
internal sealed record ListenerStopped(string Name) : IClusterMessage;

/// <summary>Every listener of the node has drained; the node leaves the cluster next.</summary>
internal sealed record NodeDrained(IReadOnlyList<ListenerDrained> Listeners) : IClusterMessage;

/// <summary>Why a command failed on the node that ran it.</summary>
internal enum CommandFailure
{
    /// <summary>No listener has the name given.</summary>
    ListenerNotFound = 1,

    /// <summary>Anything else; the message says what.</summary>
    Failed = 2,
}

/// <summary>A command failed on the node that ran it.</summary>
internal sealed record CommandFailed(CommandFailure Reason, string Name, string Message) : IClusterMessage;

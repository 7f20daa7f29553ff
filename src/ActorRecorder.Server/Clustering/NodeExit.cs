using ActorRecorder.Server.Cli;
using Akka.Actor;

namespace ActorRecorder.Server.Clustering;

/// <summary>
/// How serve ends, from the reason its CoordinatedShutdown ran. Ctrl+C and SIGTERM stop the host, which runs it with
/// ClrExitReason; a cluster node's actor system can also end by itself, and then Akka.Hosting stops the host (and sets
/// Environment.ExitCode to -1 for a cluster leave or downing, which serve's own exit code replaces).
/// </summary>
internal static class NodeExit
{
    /// <summary>The last line serve prints, whether it goes to stderr, and the exit code.</summary>
    public static (string Line, bool IsError, int ExitCode) Of(CoordinatedShutdown.Reason? reason) => reason switch
    {
        // Another node drained this one (cluster drain) and it left, as asked: a clean end.
        CoordinatedShutdown.ClusterLeavingReason => ("left the cluster: stopped, recordings flushed", false, ExitCodes.Success),
        CoordinatedShutdown.ClusterDowningReason =>
            ($"{CliText.Name}: this node was downed by the cluster (it was unreachable, or on the losing side of a partition): stopped, recordings flushed",
                true, ExitCodes.Failure),
        CoordinatedShutdown.ClusterJoinUnsuccessfulReason =>
            ($"{CliText.Name}: this node could not join the cluster through its seed nodes: stopped", true, ExitCodes.Failure),
        _ => ("stopped: recordings flushed", false, ExitCodes.Success),
    };
}

namespace ActorRecorder.Testing;

/// <summary>Cluster timings for specs and benchmarks, where nodes in one machine form, notice and down in seconds.</summary>
public static class ClusterTimings
{
    /// <summary>
    /// Short failure detection and downing, for specs and benchmarks only: a dead node is noticed about 3 s after its last heartbeat, a
    /// pause a loaded 2-core machine does not reach with a live one.
    /// </summary>
    public const string Fast = """
        akka.cluster.failure-detector.heartbeat-interval = 200ms
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
        akka.cluster.failure-detector.threshold = 8.0
        akka.cluster.unreachable-nodes-reaper-interval = 200ms
        akka.cluster.gossip-interval = 200ms
        akka.cluster.leader-actions-interval = 200ms
        akka.cluster.periodic-tasks-initial-delay = 200ms
        akka.cluster.distributed-data.gossip-interval = 500ms
        akka.remote.dot-netty.tcp.connection-timeout = 5s
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        akka.coordinated-shutdown.phases.cluster-exiting.timeout = 5s
        """;
}

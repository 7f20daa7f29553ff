using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Cluster;

/// <summary>
/// The <c>cluster</c> suite: ActorRecorder.Cluster nodes in this process (127.0.0.1, ephemeral ports, the cluster specs'
/// short timings), each figure against its single-node or local baseline, measured interleaved in the same run; every
/// run forms its own cluster and terminates every node after. No targets: these say what the cluster costs.
/// </summary>
public static class ClusterSuite
{
    public static IEnumerable<Figure> Run(Func<string, bool> selected)
    {
        if (Any(selected, FormBenchmark.Name, FormBenchmark.BaselineName, FormBenchmark.RatioName))
        {
            foreach (var f in FormBenchmark.Run()) yield return f;
        }
        if (Any(selected, RemoteDrainBenchmark.Name, RemoteDrainBenchmark.BaselineName, RemoteDrainBenchmark.RatioName))
        {
            foreach (var f in RemoteDrainBenchmark.Run()) yield return f;
        }
        if (Any(selected, ViewConvergenceBenchmark.Name, ViewConvergenceBenchmark.BaselineName, ViewConvergenceBenchmark.RatioName))
        {
            foreach (var f in ViewConvergenceBenchmark.Run()) yield return f;
        }
        if (Any(selected, RemoteRecordBenchmark.Name, RemoteRecordBenchmark.BaselineName, RemoteRecordBenchmark.RatioName))
        {
            foreach (var f in RemoteRecordBenchmark.Run()) yield return f;
        }
    }

    private static bool Any(Func<string, bool> selected, params string[] names) => names.Any(selected);
}

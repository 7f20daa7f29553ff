using System.Diagnostics;
using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Cluster;

/// <summary>
/// Forming a cluster in this process: three nodes created one after another (the first joins itself, the other two
/// join it) until each of the three sees all three Up, against one node created and joining itself until it is Up,
/// measured interleaved in the same run. Node creation (ActorSystem.Create, remoting bound) is on the clock for both.
/// </summary>
public static class FormBenchmark
{
    public const string Name = "cluster_form_3_nodes_ms";
    public const string BaselineName = "cluster_form_1_node_ms";
    public const string RatioName = "cluster_form_3_nodes_vs_1_node";

    public static IReadOnlyList<Figure> Run() => Paired.Measure(RatioName,
        new Workload(Name, "ms", () => Form(3),
            "3 nodes created in turn (127.0.0.1, ephemeral ports; the first joins itself, two join it) until all three see all three Up; gossip and leader actions every 200 ms"),
        new Workload(BaselineName, "ms", () => Form(1), "1 node created and joining itself, until it sees itself Up"),
        "none (time: lower is faster; what two joins through the seed add to a self-join)");

    private static double Form(int count)
    {
        var nodes = new BenchNodes();
        try
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++) nodes.Start();
            nodes.AwaitUp();
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        finally
        {
            nodes.Dispose();
        }
    }
}

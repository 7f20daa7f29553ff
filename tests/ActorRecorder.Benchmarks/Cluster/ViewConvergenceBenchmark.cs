using System.Diagnostics;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Cluster;
using ActorRecorder.Http;

namespace ActorRecorder.Benchmarks.Cluster;

/// <summary>
/// How long a new listener takes to reach the cluster-wide view: from the return of <see cref="Listeners.StartAsync"/>
/// on node B of a three-node cluster (the listener bound and accepting) until every node's
/// <see cref="ClusterListeners.ListAsync"/> lists it, against until B's own ListAsync lists it, measured interleaved in
/// the same run. The listener's start itself (Kestrel, 20-40 ms here) is on neither clock. Each run forms its cluster and starts <see cref="Starts"/> listeners one after another on B (the next once the
/// last is in every view, on both sides), and reports the mean; one untimed listener goes first.
/// </summary>
public static class ViewConvergenceBenchmark
{
    public const string Name = "view_convergence_ms";
    public const string BaselineName = "view_local_ms";
    public const string RatioName = "view_convergence_vs_local";
    public const int Starts = 5;

    public static IReadOnlyList<Figure> Run() => Paired.Measure(RatioName,
        new Workload(Name, "ms", () => Timed(everywhere: true),
            $"from the return of Listeners.StartAsync on node B of 3 until all 3 nodes' ClusterListeners.ListAsync list it (polled with 1 ms awaits); mean of {Starts} listeners"),
        new Workload(BaselineName, "ms", () => Timed(everywhere: false),
            $"from the same return until B's own ClusterListeners.ListAsync lists it; mean of {Starts} listeners"),
        "none (time: lower is faster; Distributed Data's WriteAll to the other nodes over the local write)");

    private static double Timed(bool everywhere)
    {
        using var nodes = BenchNodes.Form(3);
        Start(nodes, "warm-up", everywhere);
        double total = 0;
        for (var i = 0; i < Starts; i++) total += Start(nodes, $"view-{i}", everywhere);
        return total / Starts;
    }

    private static double Start(BenchNodes nodes, string name, bool everywhere)
    {
        var b = nodes[1];
        var bAddress = BenchNodes.Address(b);
        BenchSystem.Await(Listeners.Get(b).StartAsync(name, BenchNodes.Listener()));
        var start = Stopwatch.GetTimestamp();
        BenchSystem.Await(ViewPolling.UntilVisibleAsync(everywhere ? nodes.Nodes : [b], bAddress, name));
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        // Both sides go on from the same state: the listener in every node's view.
        if (!everywhere) BenchSystem.Await(ViewPolling.UntilVisibleAsync(nodes.Nodes, bAddress, name));
        return elapsed;
    }
}

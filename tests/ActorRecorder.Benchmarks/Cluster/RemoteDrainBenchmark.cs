using System.Diagnostics;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Cluster;
using ActorRecorder.Http;
using Akka.Actor;

namespace ActorRecorder.Benchmarks.Cluster;

/// <summary>
/// Draining an idle listener of node B: from node A through <see cref="ClusterListeners.DrainAsync"/> (the command to
/// B's agent and B's <see cref="DrainResult"/> back, both through our serializer), against B's own
/// <see cref="Listeners.DrainAsync"/>, measured interleaved in the same run on the same two-node cluster. Each run
/// forms its cluster, drains <see cref="Drains"/> listeners one after another (each started on B and seen in A's view
/// first, untimed), and reports the mean; one untimed drain goes first. A drain that answers anything but Drained with
/// nothing left, or leaves the listener on B, fails the run.
/// </summary>
public static class RemoteDrainBenchmark
{
    public const string Name = "remote_drain_ms";
    public const string BaselineName = "local_drain_ms";
    public const string RatioName = "remote_drain_vs_local";
    public const int Drains = 10;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static IReadOnlyList<Figure> Run() => Paired.Measure(RatioName,
        new Workload(Name, "ms", () => Timed(remote: true),
            $"ClusterListeners.DrainAsync from node A of an idle listener on node B (2-node cluster), until the answer Drained; mean of {Drains} drains"),
        new Workload(BaselineName, "ms", () => Timed(remote: false),
            $"Listeners.DrainAsync on node B of its own idle listener (the same 2-node cluster), until Drained; mean of {Drains} drains"),
        "none (time: lower is faster; what the cluster hop adds to a drain)");

    private static double Timed(bool remote)
    {
        using var nodes = BenchNodes.Form(2);
        var (a, b) = (nodes[0], nodes[1]);
        Drain(a, b, "warm-up", remote);
        double total = 0;
        for (var i = 0; i < Drains; i++) total += Drain(a, b, $"idle-{i}", remote);
        return total / Drains;
    }

    /// <summary>Starts listener <paramref name="name"/> on <paramref name="b"/>, waits until A's view has it, and times its drain.</summary>
    private static double Drain(ActorSystem a, ActorSystem b, string name, bool remote)
    {
        var bAddress = BenchNodes.Address(b);
        BenchSystem.Await(Listeners.Get(b).StartAsync(name, BenchNodes.Listener()));
        BenchSystem.Await(ViewPolling.UntilVisibleAsync([a], bAddress, name));

        var start = Stopwatch.GetTimestamp();
        var result = remote
            ? BenchSystem.Await(ClusterListeners.Get(a).DrainAsync(bAddress, name, Deadline))
            : BenchSystem.Await(Listeners.Get(b).DrainAsync(name, Deadline));
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        if (result is not { Outcome: DrainOutcome.Drained, Remaining: 0 })
            throw new InvalidOperationException($"Expected the drain of idle listener '{name}' to end Drained with nothing left, got {result}.");
        if (BenchSystem.Await(Listeners.Get(b).ListAsync()).Contains(name))
            throw new InvalidOperationException($"Listener '{name}' is still on node B after its drain answered.");
        return elapsed;
    }
}

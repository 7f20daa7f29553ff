using System.Diagnostics;

namespace ActorRecorder.Benchmarks.Harness;

/// <summary>Runs a workload once to warm up, then <see cref="Runs"/> times, and reports the median.</summary>
public static class Measure
{
    /// <summary>Measured runs per figure (after one warm-up run).</summary>
    public static int Runs { get; set; } = 5;

    /// <summary>Measures a figure: <paramref name="run"/> returns the value of one run.</summary>
    public static Figure Median(string name, string unit, Func<double> run, string? note = null)
    {
        Collect();
        run(); // warm-up: JIT, tiered compilation, thread-pool ramp-up
        var values = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            Collect();
            values.Add(run());
        }
        var sorted = values.OrderBy(v => v).ToList();
        return new Figure(name, sorted[sorted.Count / 2], unit, values, note);
    }

    /// <summary>Rate of <paramref name="count"/> operations over <paramref name="elapsed"/>, per second.</summary>
    public static double PerSecond(long count, TimeSpan elapsed) => count / elapsed.TotalSeconds;

    /// <summary>Times <paramref name="action"/>.</summary>
    public static TimeSpan Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Full blocking collection, so one run's garbage does not land in the next.</summary>
    public static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}

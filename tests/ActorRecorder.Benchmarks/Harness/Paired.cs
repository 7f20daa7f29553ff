namespace ActorRecorder.Benchmarks.Harness;

/// <summary>
/// A figure and its baseline measured in the same run, interleaved (baseline, figure, baseline, figure…)
/// so that both see the same machine, and their ratio.
/// </summary>
public static class Paired
{
    /// <summary>
    /// Runs each workload once to warm up, then <see cref="Measure.Runs"/> interleaved pairs; reports both medians and
    /// the median of the per-pair ratios figure / baseline, named <paramref name="ratioName"/>, with its target.
    /// </summary>
    public static IReadOnlyList<Figure> Measure(string ratioName, Workload figure, Workload baseline, string target)
    {
        WarmUp(baseline);
        WarmUp(figure);
        var baselines = new List<double>();
        var figures = new List<double>();
        var ratios = new List<double>();
        for (var i = 0; i < Harness.Measure.Runs; i++)
        {
            Harness.Measure.Collect();
            var b = baseline.Run();
            Harness.Measure.Collect();
            var f = figure.Run();
            baselines.Add(b);
            figures.Add(f);
            ratios.Add(f / b);
        }
        return
        [
            new Figure(baseline.Name, Median(baselines), baseline.Unit, baselines, baseline.Note),
            new Figure(figure.Name, Median(figures), figure.Unit, figures, figure.Note),
            new Figure(ratioName, Median(ratios), "x", ratios, $"median of the per-pair ratios {figure.Name} / {baseline.Name}; target {target}"),
        ];
    }

    /// <summary>
    /// Runs a workload until two runs in a row agree within 10 % (at most five runs), pausing between them: the runtime
    /// promotes methods to optimised code only once nothing new has been compiled for a moment, and a workload that
    /// keeps compiling would otherwise be measured half-optimised.
    /// </summary>
    private static void WarmUp(Workload workload)
    {
        var previous = double.NaN;
        for (var i = 0; i < 5; i++)
        {
            Harness.Measure.Collect();
            var value = workload.Run();
            if (Math.Abs(value - previous) <= 0.1 * Math.Abs(previous)) return;
            previous = value;
            Thread.Sleep(300);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

/// <summary>One measured workload: a run returns its value in <see cref="Unit"/>.</summary>
public sealed record Workload(string Name, string Unit, Func<double> Run, string? Note = null);

namespace ActorRecorder.Benchmarks.Harness;

/// <summary>One measured figure: the median of the measured runs, with every run kept for the JSON output.</summary>
public sealed record Figure(string Name, double Value, string Unit, IReadOnlyList<double> Runs, string? Note = null);

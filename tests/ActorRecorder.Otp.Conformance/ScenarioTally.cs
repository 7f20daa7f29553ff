using ActorRecorder.Otp.Conformance.Scenarios;

namespace ActorRecorder.Otp.Conformance;

/// <summary>What the generated scenarios covered, read off OTP's traces: strategies, how each supervisor ended, steps and events.</summary>
public sealed class ScenarioTally
{
    /// <summary>Scenarios per strategy.</summary>
    public Dictionary<SupervisorStrategyKind, int> Strategies { get; } = [];

    /// <summary>Scenarios per ending: <c>end</c> (shut down after the last step), <c>shutdown step</c>, <c>reached_max_restart_intensity</c>, <c>auto_shutdown</c>.</summary>
    public Dictionary<string, int> Endings { get; } = new(StringComparer.Ordinal);

    /// <summary>Steps run, and events traced (starts and stops of children).</summary>
    public (int Steps, int Starts, int Stops, int Results) Totals { get; private set; }

    /// <summary>Counts one scenario that agreed.</summary>
    public void Add(Scenario scenario, IReadOnlyList<string> otp)
    {
        Strategies[scenario.Strategy] = Strategies.GetValueOrDefault(scenario.Strategy) + 1;
        var lastStep = otp.LastOrDefault(l => l.StartsWith("step ", StringComparison.Ordinal)) ?? "";
        var ending = otp[^1] switch
        {
            "exit reached_max_restart_intensity" => "reached_max_restart_intensity",
            _ when lastStep.EndsWith(" end", StringComparison.Ordinal) => "end",
            _ when lastStep.EndsWith(" shutdown", StringComparison.Ordinal) => "shutdown step",
            _ => "auto_shutdown",
        };
        Endings[ending] = Endings.GetValueOrDefault(ending) + 1;
        Totals = (Totals.Steps + otp.Count(l => l.StartsWith("step ", StringComparison.Ordinal)),
            Totals.Starts + otp.Count(l => l.StartsWith("start ", StringComparison.Ordinal)),
            Totals.Stops + otp.Count(l => l.StartsWith("stop ", StringComparison.Ordinal)),
            Totals.Results + otp.Count(l => l.StartsWith("ok", StringComparison.Ordinal) || l.StartsWith("error ", StringComparison.Ordinal)
                                            || l.StartsWith("which", StringComparison.Ordinal) || l.StartsWith("count ", StringComparison.Ordinal)));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"strategies: {string.Join(", ", Strategies.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}\n" +
        $"endings: {string.Join(", ", Endings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}\n" +
        $"steps {Totals.Steps}, child starts {Totals.Starts}, child stops {Totals.Stops}, API results {Totals.Results}";
}

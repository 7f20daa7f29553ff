using System.Text;

namespace ActorRecorder.Otp.Conformance.Scenarios;

/// <summary>
/// One generated supervision scenario: a supervisor's flags, its child specs (or its template under
/// simple_one_for_one), spare specs that <see cref="StartChildStep"/> may add, and the steps. It crosses
/// to Erlang as terms (<see cref="ToErlang"/>) and prints as C# (<see cref="ToCSharp"/>) for the regression set.
/// </summary>
public sealed record Scenario(
    SupervisorStrategyKind Strategy,
    int Intensity,
    AutoShutdown AutoShutdown,
    IReadOnlyList<ChildDef> Children,
    IReadOnlyList<ChildDef> Spares,
    IReadOnlyList<Step> Steps)
{
    /// <summary>The restart period of every supervisor in a scenario: long enough that no restart leaves the window.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(3600);

    /// <summary>True under simple_one_for_one.</summary>
    public bool IsSimple => Strategy == SupervisorStrategyKind.SimpleOneForOne;

    /// <summary>The scenario as the terms the Erlang driver reads with <c>file:consult/1</c>.</summary>
    public string ToErlang()
    {
        var text = new StringBuilder();
        text.Append($"{{flags, {Erl.Strategy(Strategy)}, {Intensity}, {Erl.AutoShutdown(AutoShutdown)}}}.\n");
        text.Append($"{{children, [{string.Join(", ", Children.Select(c => c.ToErlang()))}]}}.\n");
        text.Append("{steps, [\n");
        text.Append(string.Join(",\n", Steps.Select(s => $"  {{{Erl.String(s.Label)}, {s.ToErlang()}}}")));
        text.Append("\n]}.\n");
        return text.ToString();
    }

    /// <summary>The scenario as a C# expression, to paste into <c>RegressionScenarios</c>.</summary>
    public string ToCSharp() =>
        $"new Scenario(SupervisorStrategyKind.{Strategy}, {Intensity}, AutoShutdown.{AutoShutdown},\n" +
        $"    [{string.Join(", ", Children.Select(c => c.ToCSharp()))}],\n" +
        $"    [{string.Join(", ", Spares.Select(c => c.ToCSharp()))}],\n" +
        $"    [{string.Join(",\n     ", Steps.Select(s => s.ToCSharp()))}])";

    /// <inheritdoc />
    public override string ToString() => $"\n--- Erlang terms ---\n{ToErlang()}--- C# ---\n{ToCSharp()}\n";
}

/// <summary>A child spec of a scenario: a worker, or a nested supervisor with worker children of its own.</summary>
/// <param name="Id">The spec's id; also the label its incarnations are traced under.</param>
/// <param name="Restart">Its restart type.</param>
/// <param name="ShutdownMs">Its shutdown: <see cref="BrutalKill"/>, <see cref="Infinity"/>, or a timeout in milliseconds.</param>
/// <param name="Significant">Whether its exit counts for auto_shutdown.</param>
/// <param name="Nested">The nested supervisor's flags and children, when the spec is a supervisor.</param>
public sealed record ChildDef(string Id, Restart Restart, int ShutdownMs, bool Significant = false, NestedDef? Nested = null)
{
    /// <summary><see cref="ShutdownMs"/> for <c>brutal_kill</c>.</summary>
    public const int BrutalKill = -1;

    /// <summary><see cref="ShutdownMs"/> for <c>infinity</c>.</summary>
    public const int Infinity = -2;

    /// <summary>The spec's shutdown in <see cref="Otp.Shutdown"/> terms.</summary>
    public Shutdown Shutdown => ShutdownMs switch
    {
        BrutalKill => Shutdown.BrutalKill,
        Infinity => Shutdown.Infinity,
        var ms => Shutdown.Timeout(TimeSpan.FromMilliseconds(ms)),
    };

    /// <summary>The child and, for a nested supervisor, its children: every label a child exit step can aim at.</summary>
    public IEnumerable<ChildDef> Workers => Nested is null ? [this] : Nested.Children;

    internal string ToErlang()
    {
        var kind = Nested is null ? "worker" : $"{{supervisor, {{{Erl.Strategy(Nested.Strategy)}, {Nested.Intensity}}}, [{string.Join(", ", Nested.Children.Select(c => c.ToErlang()))}]}}";
        var shutdown = ShutdownMs switch { BrutalKill => "brutal_kill", Infinity => "infinity", var ms => ms.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return $"{{{Erl.Atom(Id)}, {Restart.ToString().ToLowerInvariant()}, {shutdown}, {kind}, {(Significant ? "true" : "false")}}}";
    }

    internal string ToCSharp()
    {
        var shutdown = ShutdownMs switch { BrutalKill => "ChildDef.BrutalKill", Infinity => "ChildDef.Infinity", var ms => ms.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var nested = Nested is null ? "" : $", Nested: new NestedDef(SupervisorStrategyKind.{Nested.Strategy}, {Nested.Intensity}, [{string.Join(", ", Nested.Children.Select(c => c.ToCSharp()))}])";
        return $"new ChildDef(\"{Id}\", Restart.{Restart}, {shutdown}{(Significant ? ", Significant: true" : "")}{nested})";
    }
}

/// <summary>A nested supervisor's flags and children (workers only).</summary>
/// <param name="Strategy">Its strategy.</param>
/// <param name="Intensity">Its intensity; its period is <see cref="Scenario.Period"/>.</param>
/// <param name="Children">Its worker children.</param>
public sealed record NestedDef(SupervisorStrategyKind Strategy, int Intensity, IReadOnlyList<ChildDef> Children);

/// <summary>Erlang spellings.</summary>
internal static class Erl
{
    public static string Atom(string name) => $"'{name}'";

    public static string String(string text) => $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    public static string Strategy(SupervisorStrategyKind strategy) => strategy switch
    {
        SupervisorStrategyKind.OneForOne => "one_for_one",
        SupervisorStrategyKind.OneForAll => "one_for_all",
        SupervisorStrategyKind.RestForOne => "rest_for_one",
        SupervisorStrategyKind.SimpleOneForOne => "simple_one_for_one",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };

    public static string AutoShutdown(AutoShutdown auto) => auto switch
    {
        Otp.AutoShutdown.Never => "never",
        Otp.AutoShutdown.AnySignificant => "any_significant",
        Otp.AutoShutdown.AllSignificant => "all_significant",
        _ => throw new ArgumentOutOfRangeException(nameof(auto), auto, null),
    };
}

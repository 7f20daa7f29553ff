using System.Diagnostics;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Hocon;
using Newtonsoft.Json.Linq;

namespace ActorRecorder.Benchmarks.Hocon;

/// <summary>
/// The <c>hocon</c> suite: parsing and resolving <c>hocon/reference.conf</c>, which every system start
/// does, against Newtonsoft.Json parsing the same tree written as JSON (the baseline).
/// </summary>
public static class HoconSuite
{
    private const int Iterations = 2_000;

    public static IEnumerable<Figure> Run(Func<string, bool> selected)
    {
        if (!selected("parse_reference_conf")) yield break;
        var text = File.ReadAllText(ReferenceConfPath());
        var options = new HoconParseOptions { UseEnvironmentVariables = false };
        var json = ConfigurationFactory.ParseString(text, options).Resolve().ToJObject().ToString();
        var lines = text.Split('\n').Length;

        foreach (var figure in Paired.Measure("parse_reference_conf_vs_akka",
            new Workload("parse_reference_conf_us", "us", () => PerIteration(() => HoconLoader.ParseString(text, options, "reference.conf")),
                $"HoconLoader: {lines} lines, parse + resolve + Akka Config"),
            new Workload("akka_parse_reference_conf_us", "us", () => PerIteration(() => Akka.Configuration.ConfigurationFactory.ParseString(text)),
                "Akka's own parser, the same text (it has no ${?VAR} to lose)"),
            "none (time: lower is faster)"))
            yield return figure;
        foreach (var figure in Paired.Measure("parse_reference_conf_vs_json",
            new Workload("parse_reference_conf_us", "us", () => PerIteration(() => HoconLoader.ParseString(text, options, "reference.conf")), "as above"),
            new Workload("baseline_json_parse_same_tree_us", "us", () => PerIteration(() => JObject.Parse(json)), "Newtonsoft JObject.Parse of the resolved tree as JSON"),
            "none (time: lower is faster)"))
            yield return figure;
    }

    private static double PerIteration(Func<object> parse)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Iterations; i++) GC.KeepAlive(parse());
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / Iterations;
    }

    private static string ReferenceConfPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "hocon", "reference.conf");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("hocon/reference.conf was not found above " + AppContext.BaseDirectory);
    }
}

using System.Runtime;
using ActorRecorder.Benchmarks.Cluster;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Benchmarks.Hocon;
using ActorRecorder.Benchmarks.Http;
using ActorRecorder.Benchmarks.Otp;
using ActorRecorder.Benchmarks.Recording;

// Usage: dotnet run -c Release --project tests/ActorRecorder.Benchmarks -- <suite> [--json] [--runs N] [--only name,name]
// The drain benchmark's clients, in a process of their own (SessionClients): not a suite.
if (args is [SessionClients.Mode, var clientsUrl, var clientsCount])
    return SessionClients.Serve(new Uri(clientsUrl), int.Parse(clientsCount, System.Globalization.CultureInfo.InvariantCulture));

var json = args.Contains("--json");
var runsIndex = Array.IndexOf(args, "--runs");
if (runsIndex >= 0) Measure.Runs = int.Parse(args[runsIndex + 1], System.Globalization.CultureInfo.InvariantCulture);
var onlyIndex = Array.IndexOf(args, "--only");
var only = onlyIndex >= 0 ? args[onlyIndex + 1].Split(',') : null;
bool Selected(string name) => only is null || only.Any(o => name.StartsWith(o, StringComparison.Ordinal));

var suites = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || (args[i - 1] != "--runs" && args[i - 1] != "--only"))).ToList();
if (suites.Count == 0)
{
    Console.Error.WriteLine("usage: ActorRecorder.Benchmarks <otp|recorder|hocon|http|cluster> [--json] [--runs N] [--only name,...]");
    return 2;
}

if (!json)
{
    Console.WriteLine($"# {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {GCSettings.IsServerGC}, {Measure.Runs} runs after a warm-up, median");
}

var figures = new List<Figure>();
foreach (var suite in suites)
{
    // One line per suite.
    IEnumerable<Figure> results = suite switch
    {
        "hocon" => HoconSuite.Run(Selected),
        "recorder" => RecorderSuite.Run(Selected),
        "otp" => OtpSuite.Run(Selected),
        "http" => HttpSuite.Run(Selected),
        "cluster" => ClusterSuite.Run(Selected),
        _ => throw new ArgumentException($"Unknown benchmark suite '{suite}'; known: otp, recorder, hocon, http, cluster."),
    };
    foreach (var figure in results)
    {
        figures.Add(figure);
        if (!json) Console.WriteLine(Report.Line(figure));
    }
}

if (json) Report.Write(figures, [], json: true, Console.Out);
return 0;

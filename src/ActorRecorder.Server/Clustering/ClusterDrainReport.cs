using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace ActorRecorder.Server.Clustering;

/// <summary><c>cluster drain</c>'s output: the node, then one row per listener's drain; or the answer as JSON.</summary>
internal static class ClusterDrainReport
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    public static void WriteJson(TextWriter output, NodeDrainView view) => output.WriteLine(JsonSerializer.Serialize(view, Indented));

    public static void Write(IAnsiConsole console, NodeDrainView view)
    {
        console.WriteLine($"{view.Node} drained its {view.Listeners.Count} listener(s) and left the cluster");
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "listener", "outcome", "acknowledged", "cut", "duration" }) table.AddColumn(column);
        foreach (var listener in view.Listeners)
        {
            table.AddRow(Markup.Escape(listener.Name), listener.Outcome == "Drained" ? "[green]Drained[/]" : $"[yellow]{Markup.Escape(listener.Outcome)}[/]",
                listener.Acknowledged.ToString(CultureInfo.InvariantCulture), listener.Remaining.ToString(CultureInfo.InvariantCulture),
                $"{listener.DurationMs.ToString(CultureInfo.InvariantCulture)} ms");
        }
        console.Write(table);
    }
}

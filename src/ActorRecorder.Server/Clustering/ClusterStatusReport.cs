using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace ActorRecorder.Server.Clustering;

/// <summary><c>cluster status</c>'s output: one table of the members, each followed by its listeners; or the cluster section as JSON.</summary>
internal static class ClusterStatusReport
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    /// <summary>The view as one indented JSON object: the <c>cluster</c> section of <c>/api/status</c>.</summary>
    public static void WriteJson(TextWriter output, ClusterView view) => output.WriteLine(JsonSerializer.Serialize(view, Indented));

    /// <summary>A line naming the node asked, then the table: a member's row (host:port, state, reachable), then a row per listener.</summary>
    public static void Write(IAnsiConsole console, ClusterView view)
    {
        var listeners = view.Members.Sum(m => m.Listeners.Count);
        console.WriteLine($"{Plural(view.Members.Count, "member")}, {Plural(listeners, "listener")}, as {ClusterView.NodeName(Akka.Actor.Address.Parse(view.Self))} sees them");
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "member", "state", "reachable", "listener", "endpoint", "status", "connections", "sessions" }) table.AddColumn(column);
        foreach (var member in view.Members)
        {
            var name = member.Node + (member.Address == view.Self ? " (this node)" : "") + (member.Address == view.Leader ? " (leader)" : "");
            var state = member.Status == "Up" ? "[green]Up[/]" : Markup.Escape(member.Status);
            var reachable = member.Reachable ? "yes" : "[red]no[/]";
            if (member.Listeners.Count == 0) table.AddRow(Markup.Escape(name), state, reachable, "-", "", "", "", "");
            foreach (var (listener, i) in member.Listeners.Select((l, i) => (l, i)))
            {
                table.AddRow(i == 0 ? Markup.Escape(name) : "", i == 0 ? state : "", i == 0 ? reachable : "", Markup.Escape(listener.Name), Markup.Escape(listener.Url),
                    Markup.Escape(listener.Status), Count(listener.ActiveConnections), Count(listener.WebSocketSessions));
            }
        }
        console.Write(table);
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}

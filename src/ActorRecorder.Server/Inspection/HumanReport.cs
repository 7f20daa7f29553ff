using System.Globalization;
using ActorRecorder.Server.Recordings;
using Spectre.Console;

namespace ActorRecorder.Server.Inspection;

/// <summary>An <see cref="InspectionReport"/> as tables for people.</summary>
internal static class HumanReport
{
    public static void Write(IAnsiConsole console, InspectionReport report)
    {
        var summary = new Table().Title(Markup.Escape(report.File)).HideHeaders().AddColumn("what").AddColumn("value");
        Row(summary, "Entries", Number(report.Count));
        Row(summary, "In", Number(report.Inbound));
        Row(summary, "Out", Number(report.Outbound));
        Row(summary, "First", report.FirstTimestamp is { } first ? Words.Timestamp(first) : "-");
        Row(summary, "Last", report.LastTimestamp is { } last ? Words.Timestamp(last) : "-");
        Row(summary, "Duration", Words.Duration(report.Duration));
        Row(summary, "Largest frame", report.Largest is { } l
            ? $"frame {Number(l.Frame)} (line {Number(l.Line)}): {Words.Of(l.Direction)} {Words.Of(l.Type)}, {Number(l.Size)} bytes"
            : "-");
        Row(summary, "Malformed lines", Number(report.Malformed.Count));
        console.Write(summary);

        if (report.Types.Count > 0)
        {
            var types = new Table().AddColumn("Type").AddColumn(new TableColumn("In").RightAligned())
                .AddColumn(new TableColumn("Out").RightAligned()).AddColumn(new TableColumn("Total").RightAligned());
            foreach (var t in report.Types) types.AddRow(Plain(Words.Of(t.Type)), Plain(Number(t.In)), Plain(Number(t.Out)), Plain(Number(t.Total)));
            console.Write(types);
        }

        if (report.Malformed.Count > 0)
        {
            // Plain lines, not a table: the details are long and a reader greps them by line number.
            console.WriteLine("Malformed lines:");
            foreach (var m in report.Malformed) console.Write(Plain($"  line {Number(m.Line)}: {m.Error}: {m.Detail}\n"));
        }
    }

    private static void Row(Table table, string what, string value) => table.AddRow(Plain(what), Plain(value));

    /// <summary>Text as it is: file names and details may hold Spectre's markup brackets.</summary>
    private static Text Plain(string text) => new(text);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace ActorRecorder.Benchmarks.Harness;

/// <summary>Prints figures as <c>name value unit</c> lines, or as JSON with <c>--json</c>.</summary>
public static class Report
{
    public static void Write(IReadOnlyList<Figure> figures, IReadOnlyList<string> notes, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(ToJson(figures));
            return;
        }
        foreach (var f in figures) output.WriteLine(Line(f));
        foreach (var note in notes) output.WriteLine($"# {note}");
    }

    public static string Line(Figure f) =>
        string.Create(CultureInfo.InvariantCulture, $"{f.Name} {Format(f.Value)} {f.Unit}");

    public static string Format(double value) =>
        value >= 100 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string ToJson(IReadOnlyList<Figure> figures)
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            if (i > 0) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture,
                $"{{\"name\":\"{f.Name}\",\"value\":{f.Value.ToString("R", CultureInfo.InvariantCulture)},\"unit\":\"{f.Unit}\",\"runs\":[{string.Join(",", f.Runs.Select(r => r.ToString("R", CultureInfo.InvariantCulture)))}]");
            if (f.Note is not null) sb.Append(CultureInfo.InvariantCulture, $",\"note\":\"{f.Note.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
            sb.Append('}');
        }
        return sb.Append(']').ToString();
    }
}

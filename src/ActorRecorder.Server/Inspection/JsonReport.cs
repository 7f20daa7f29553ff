using ActorRecorder.Server.Recordings;
using Newtonsoft.Json;

namespace ActorRecorder.Server.Inspection;

/// <summary>An <see cref="InspectionReport"/> as one JSON object, for scripts.</summary>
/// <remarks>
/// Keys: file, count, in, out, types (type → count, the types present), typesByDirection (in/out → type → count),
/// firstTimestamp and lastTimestamp (ISO 8601 UTC, or null), durationSeconds, largestFrame (frame, line, direction,
/// type, size in bytes; or null), malformedLines (line, error, detail).
/// </remarks>
internal static class JsonReport
{
    public static void Write(TextWriter output, InspectionReport report)
    {
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("file");
        json.WriteValue(report.File);
        json.WritePropertyName("count");
        json.WriteValue(report.Count);
        json.WritePropertyName("in");
        json.WriteValue(report.Inbound);
        json.WritePropertyName("out");
        json.WriteValue(report.Outbound);

        json.WritePropertyName("types");
        json.WriteStartObject();
        foreach (var t in report.Types)
        {
            json.WritePropertyName(Words.Of(t.Type));
            json.WriteValue(t.Total);
        }
        json.WriteEndObject();
        json.WritePropertyName("typesByDirection");
        json.WriteStartObject();
        WriteTypes(json, "in", report.Types.Where(t => t.In > 0).Select(t => (t.Type, t.In)));
        WriteTypes(json, "out", report.Types.Where(t => t.Out > 0).Select(t => (t.Type, t.Out)));
        json.WriteEndObject();

        json.WritePropertyName("firstTimestamp");
        json.WriteValue(report.FirstTimestamp is { } first ? Words.Timestamp(first) : null);
        json.WritePropertyName("lastTimestamp");
        json.WriteValue(report.LastTimestamp is { } last ? Words.Timestamp(last) : null);
        json.WritePropertyName("durationSeconds");
        json.WriteValue(report.Duration.TotalSeconds);

        json.WritePropertyName("largestFrame");
        if (report.Largest is { } l)
        {
            json.WriteStartObject();
            json.WritePropertyName("frame");
            json.WriteValue(l.Frame);
            json.WritePropertyName("line");
            json.WriteValue(l.Line);
            json.WritePropertyName("direction");
            json.WriteValue(Words.Of(l.Direction));
            json.WritePropertyName("type");
            json.WriteValue(Words.Of(l.Type));
            json.WritePropertyName("size");
            json.WriteValue(l.Size);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull();
        }

        json.WritePropertyName("malformedLines");
        json.WriteStartArray();
        foreach (var m in report.Malformed)
        {
            json.WriteStartObject();
            json.WritePropertyName("line");
            json.WriteValue(m.Line);
            json.WritePropertyName("error");
            json.WriteValue(m.Error.ToString());
            json.WritePropertyName("detail");
            json.WriteValue(m.Detail);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteLine();
    }

    private static void WriteTypes(JsonTextWriter json, string direction, IEnumerable<(Recording.FrameType Type, long Count)> types)
    {
        json.WritePropertyName(direction);
        json.WriteStartObject();
        foreach (var (type, count) in types)
        {
            json.WritePropertyName(Words.Of(type));
            json.WriteValue(count);
        }
        json.WriteEndObject();
    }
}

using System.Text;
using Newtonsoft.Json;

namespace ActorRecorder.Recording;

/// <summary>
/// Parses one line of a recording. Never throws on bad input: every problem becomes a
/// <see cref="RecordingFormatException"/> result, checked in ZenWebsocket's order (JSON, ts, dir, type),
/// and the fields ZenWebsocket's parser crashes on (a missing ts or data) are reported the same way.
/// Keys may come in any order (Elixir's Jason writes small maps sorted by key) and unknown keys are ignored.
/// </summary>
internal static class EntryParser
{
    // RFC 6455: 1005 is the code for "no status code was present"; used when the close data is unreadable.
    private const ushort NoStatus = 1005;

    public static bool TryParse(string line, long lineNumber, out RecordedEntry? entry, out RecordingFormatException? error)
    {
        entry = null;
        if (!TryReadFields(line, out var fields, out error)) return false;

        if (fields.Ts is null) return Fail(RecordingFormatError.MissingField, "\"ts\" is missing or is not a string", out error);
        if (!TimestampFormat.TryParse(fields.Ts, out var timestamp))
            return Fail(RecordingFormatError.InvalidTimestamp, $"\"ts\" is not an ISO 8601 date and time with an offset: \"{Shorten(fields.Ts)}\"", out error);

        Direction direction;
        if (fields.Dir == FormatNames.In) direction = Direction.In;
        else if (fields.Dir == FormatNames.Out) direction = Direction.Out;
        else return Fail(RecordingFormatError.InvalidDirection, $"\"dir\" must be \"in\" or \"out\", not {Quote(fields.Dir)}", out error);

        if (fields.Type is null || FormatNames.ParseType(fields.Type) is not { } type)
            return Fail(RecordingFormatError.InvalidType, $"\"type\" must be \"text\", \"binary\", \"close\", \"ping\" or \"pong\", not {Quote(fields.Type)}", out error);

        if (fields.Data is null) return Fail(RecordingFormatError.MissingField, "\"data\" is missing or is not a string", out error);

        var (frame, raw) = Decode(type, fields.Data, fields.Binary);
        entry = new RecordedEntry(timestamp, direction, frame, fields.Data, fields.Binary, raw, lineNumber);
        return true;
    }

    private static (Frame Frame, bool Raw) Decode(FrameType type, string data, bool binary)
    {
        switch (type)
        {
            case FrameType.Text:
                // ZenWebsocket decodes Base64 whenever "binary" is true, whatever the type.
                if (binary && TryBase64(data, out var textBytes)) return (Frame.Text(Encoding.UTF8.GetString(textBytes)), false);
                return (Frame.Text(data), binary);
            case FrameType.Close:
                return TryCloseData(data, out var code, out var reason) ? (Frame.Close(code, reason), false) : (Frame.Close(NoStatus, data), true);
            default:
                // Binary, ping, pong. Undecodable (or undeclared) Base64 keeps the raw string, as ZenWebsocket does.
                var bytes = Array.Empty<byte>();
                var decoded = binary && TryBase64(data, out bytes);
                var payload = decoded ? bytes : Encoding.UTF8.GetBytes(data);
                var frame = type switch
                {
                    FrameType.Ping => Frame.Ping(payload),
                    FrameType.Pong => Frame.Pong(payload),
                    _ => Frame.Binary(payload),
                };
                return (frame, !decoded);
        }
    }

    /// <summary>Standard Base64 with padding and nothing else, as Elixir's <c>Base.decode64/1</c> accepts.</summary>
    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 != 0 || text.AsSpan().IndexOfAny(" \t\r\n") >= 0) return false;
        var decoded = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, decoded, out var written)) return false;
        bytes = written == decoded.Length ? decoded : decoded[..written];
        return true;
    }

    private static bool TryCloseData(string data, out ushort code, out string reason)
    {
        code = 0;
        reason = string.Empty;
        long? number = null;
        try
        {
            using var reader = NewReader(data);
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                if (!reader.Read()) return false;
                if (name == FormatNames.Code && reader.TokenType == JsonToken.Integer) number = Convert.ToInt64(reader.Value, System.Globalization.CultureInfo.InvariantCulture);
                else if (name == FormatNames.Reason && reader.TokenType == JsonToken.String) reason = (string)reader.Value!;
                else reader.Skip();
            }
            if (reader.TokenType != JsonToken.EndObject || reader.Read()) return false;
        }
        catch (JsonException)
        {
            return false;
        }
        if (number is not { } n || n is < 0 or > ushort.MaxValue) return false;
        code = (ushort)n;
        return true;
    }

    private static bool TryReadFields(string line, out Fields fields, out RecordingFormatException? error)
    {
        fields = default;
        error = null;
        try
        {
            using var reader = NewReader(line);
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
                return Fail(RecordingFormatError.InvalidJson, "the line is not a JSON object", out error);
            while (true)
            {
                if (!reader.Read()) return Fail(RecordingFormatError.InvalidJson, "the JSON object is not closed", out error);
                if (reader.TokenType == JsonToken.EndObject) break;
                var name = (string)reader.Value!;
                if (!reader.Read()) return Fail(RecordingFormatError.InvalidJson, "the JSON object is not closed", out error);
                // A key given twice keeps its last value, as JSON decoders usually do.
                switch (name)
                {
                    case FormatNames.Ts: fields.Ts = StringValue(reader); break;
                    case FormatNames.Dir: fields.Dir = StringValue(reader); break;
                    case FormatNames.Type: fields.Type = StringValue(reader); break;
                    case FormatNames.Data: fields.Data = StringValue(reader); break;
                    case FormatNames.Binary: fields.Binary = reader.TokenType == JsonToken.Boolean && (bool)reader.Value!; break;
                    default: reader.Skip(); break;
                }
            }
            if (reader.Read()) return Fail(RecordingFormatError.InvalidJson, "there is more after the JSON object", out error);
            return true;
        }
        catch (JsonException e)
        {
            error = new RecordingFormatException(RecordingFormatError.InvalidJson, $"the line is not valid JSON ({e.Message})", innerException: e);
            return false;
        }
    }

    /// <summary>The string at the reader, or null (after skipping it) when the value is something else.</summary>
    private static string? StringValue(JsonTextReader reader)
    {
        if (reader.TokenType == JsonToken.String) return (string)reader.Value!;
        reader.Skip();
        return null;
    }

    private static JsonTextReader NewReader(string text) => new(new StringReader(text))
    {
        // "ts" must stay the string it is; Newtonsoft would otherwise turn it into a DateTime.
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Double,
        MaxDepth = 64,
    };

    private static bool Fail(RecordingFormatError kind, string detail, out RecordingFormatException? error)
    {
        error = new RecordingFormatException(kind, detail);
        return false;
    }

    private static string Quote(string? value) => value is null ? "nothing (missing or not a string)" : $"\"{Shorten(value)}\"";

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    private struct Fields
    {
        public string? Ts;
        public string? Dir;
        public string? Type;
        public string? Data;
        public bool Binary;
    }
}

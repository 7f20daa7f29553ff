using System.Globalization;
using System.Reflection;
using ActorRecorder.Recording;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Recordings;
using Newtonsoft.Json;

namespace ActorRecorder.Server.Har;

/// <summary>
/// Writes a recording as HAR 1.2 with one entry for the WebSocket session, whose <c>_webSocketMessages</c> are in
/// Chrome DevTools' form: <c>type</c> "send"/"receive", <c>time</c> in epoch seconds with fractions, <c>opcode</c>
/// 1 (text) or 2 (binary, data in Base64), <c>data</c>. Close, ping and pong frames are not messages in that form
/// and are left out. Streamed: the recording is never held in memory.
/// </summary>
internal static class HarWriter
{
    private const string HttpVersion = "HTTP/1.1";

    public static async Task WriteAsync(TextWriter output, RecordingInput input, DateTime started, HarExport export, CancellationToken cancellationToken)
    {
        // A failure half-way must not look like a whole file: no closing brackets are added on dispose.
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false, AutoCompleteOnClose = false };
        json.WriteStartObject();
        json.WritePropertyName("log");
        json.WriteStartObject();
        Property(json, "version", "1.2");
        json.WritePropertyName("creator");
        json.WriteStartObject();
        Property(json, "name", CliText.Name);
        Property(json, "version", CreatorVersion());
        json.WriteEndObject();

        json.WritePropertyName("entries");
        json.WriteStartArray();
        json.WriteStartObject();
        Property(json, "startedDateTime", started.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        // HAR's time is the sum of the timings; the handshake's timings are not recorded, so both are 0.
        Property(json, "time", 0);
        WriteRequest(json, export.Redactor.Apply(export.Url));
        WriteResponse(json);
        json.WritePropertyName("cache");
        json.WriteStartObject();
        json.WriteEndObject();
        json.WritePropertyName("timings");
        json.WriteStartObject();
        Property(json, "send", 0);
        Property(json, "wait", 0);
        Property(json, "receive", 0);
        json.WriteEndObject();
        // Chrome marks its WebSocket entries so; DevTools' HAR import reads the messages of such entries.
        Property(json, "_resourceType", "websocket");
        json.WritePropertyName("_webSocketMessages");
        json.WriteStartArray();
        await foreach (var entry in input.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (entry.Type is FrameType.Text or FrameType.Binary) WriteMessage(json, entry, export);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteMessage(JsonTextWriter json, RecordedEntry entry, HarExport export)
    {
        var text = entry.Type == FrameType.Text;
        json.WriteStartObject();
        Property(json, "type", export.RecordedBy.IsFromClient(entry) ? "send" : "receive");
        json.WritePropertyName("time");
        json.WriteValue(EpochSeconds(entry.Timestamp));
        Property(json, "opcode", text ? 1 : 2);
        Property(json, "data", text ? export.Redactor.Apply(entry.Frame.TextData!) : Convert.ToBase64String(entry.Frame.Payload.Span));
        json.WriteEndObject();
    }

    private static void WriteRequest(JsonTextWriter json, string url)
    {
        json.WritePropertyName("request");
        json.WriteStartObject();
        Property(json, "method", "GET");
        Property(json, "url", url);
        Property(json, "httpVersion", HttpVersion);
        EmptyArray(json, "cookies");
        EmptyArray(json, "headers");
        json.WritePropertyName("queryString");
        json.WriteStartArray();
        foreach (var (name, value) in QueryString(url))
        {
            json.WriteStartObject();
            Property(json, "name", name);
            Property(json, "value", value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Property(json, "headersSize", -1);
        Property(json, "bodySize", 0);
        json.WriteEndObject();
    }

    private static void WriteResponse(JsonTextWriter json)
    {
        json.WritePropertyName("response");
        json.WriteStartObject();
        Property(json, "status", 101);
        Property(json, "statusText", "Switching Protocols");
        Property(json, "httpVersion", HttpVersion);
        EmptyArray(json, "cookies");
        EmptyArray(json, "headers");
        json.WritePropertyName("content");
        json.WriteStartObject();
        Property(json, "size", 0);
        Property(json, "mimeType", "x-unknown");
        json.WriteEndObject();
        Property(json, "redirectURL", "");
        Property(json, "headersSize", -1);
        Property(json, "bodySize", 0);
        json.WriteEndObject();
    }

    /// <summary>Seconds since 1970-01-01 UTC with the microseconds as fractions, as Chrome writes a message's time.</summary>
    private static double EpochSeconds(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;

    /// <summary>The URL's query as HAR's name/value pairs, decoded.</summary>
    private static IEnumerable<(string Name, string Value)> QueryString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Query.Length <= 1) yield break;
        foreach (var pair in uri.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (pair, "") : (pair[..equals], pair[(equals + 1)..]);
            yield return (Unescape(name), Unescape(value));
        }
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static string CreatorVersion()
    {
        var version = typeof(HarWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus]; // without the commit id the SDK appends
    }

    private static void Property(JsonTextWriter json, string name, string value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void Property(JsonTextWriter json, string name, int value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void EmptyArray(JsonTextWriter json, string name)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        json.WriteEndArray();
    }
}

using System.Buffers.Text;
using Newtonsoft.Json;

namespace ActorRecorder.Recording;

/// <summary>
/// Formats entries as JSONL lines into a <see cref="PendingBuffer"/>: one object per line, keys in the
/// order ts, dir, type, data, binary, and a newline after every line.
/// </summary>
/// <remarks>
/// Newtonsoft's streaming <see cref="JsonTextWriter"/> writes the structure and escapes every string
/// that comes from the session. Two values it cannot produce without an intermediate string are
/// encoded here as bytes: the timestamp (microseconds, <see cref="TimestampFormat"/>) and Base64
/// payloads. For those the JSON writer is told "a raw value was written" (<c>WriteRawValue(null)</c>
/// writes nothing) and the bytes go straight into the buffer; this works because the text writer
/// underneath keeps no characters of its own. The only allocation per entry is the close frame's
/// inner JSON string, once per session.
/// </remarks>
internal sealed class JsonlEntryWriter
{
    private const string DirIn = "\"in\"";
    private const string DirOut = "\"out\"";

    private readonly PendingBuffer _buffer;
    private readonly Utf8BufferTextWriter _text;
    private JsonTextWriter _json;
    private StringWriter? _closeText;
    private JsonTextWriter? _closeJson;

    public JsonlEntryWriter(PendingBuffer buffer)
    {
        _buffer = buffer;
        _text = new Utf8BufferTextWriter(buffer);
        _json = NewJsonWriter(_text);
    }

    /// <summary>Appends one entry and its newline. On failure nothing of the entry stays in the buffer.</summary>
    public void Append(DateTime timestamp, Direction direction, in Frame frame)
    {
        var start = _buffer.Length;
        try
        {
            WriteObject(timestamp, direction, frame);
            _buffer.Add((byte)'\n');
            _buffer.CompleteEntry();
        }
        catch
        {
            // A half-written object would corrupt the line and confuse the JSON writer's state: drop both.
            _buffer.Truncate(start);
            _text.Reset();
            _json = NewJsonWriter(_text);
            throw;
        }
    }

    private void WriteObject(DateTime timestamp, Direction direction, in Frame frame)
    {
        var json = _json;
        json.WriteStartObject();

        json.WritePropertyName(FormatNames.Ts, escape: false);
        json.WriteRawValue(null);
        WriteTimestamp(timestamp);

        json.WritePropertyName(FormatNames.Dir, escape: false);
        json.WriteRawValue(direction == Direction.In ? DirIn : DirOut);

        json.WritePropertyName(FormatNames.Type, escape: false);
        json.WriteRawValue(FormatNames.QuotedType(frame.Type));

        json.WritePropertyName(FormatNames.Data, escape: false);
        switch (frame.Type)
        {
            case FrameType.Text:
                json.WriteValue(frame.TextData);
                break;
            case FrameType.Close:
                json.WriteValue(CloseData(frame.CloseCode, frame.CloseReason!));
                break;
            default:
                json.WriteRawValue(null);
                WriteBase64(frame.Payload.Span);
                json.WritePropertyName(FormatNames.Binary, escape: false);
                json.WriteValue(true);
                break;
        }

        json.WriteEndObject();
        _text.Complete();
    }

    private void WriteTimestamp(DateTime timestamp)
    {
        var span = _buffer.GetSpan(TimestampFormat.Length + 2);
        span[0] = (byte)'"';
        TimestampFormat.Write(timestamp, span[1..]);
        span[TimestampFormat.Length + 1] = (byte)'"';
        _buffer.Advance(TimestampFormat.Length + 2);
    }

    private void WriteBase64(ReadOnlySpan<byte> payload)
    {
        var span = _buffer.GetSpan(Base64.GetMaxEncodedToUtf8Length(payload.Length) + 2);
        span[0] = (byte)'"';
        Base64.EncodeToUtf8(payload, span[1..], out _, out var written);
        span[written + 1] = (byte)'"';
        _buffer.Advance(written + 2);
    }

    // ZenWebsocket stores a close frame as a JSON string that holds {"code":…,"reason":"…"}.
    private string CloseData(ushort code, string reason)
    {
        if (_closeJson is null)
        {
            _closeText = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            _closeJson = NewJsonWriter(_closeText);
        }
        _closeText!.GetStringBuilder().Clear();
        _closeJson.WriteStartObject();
        _closeJson.WritePropertyName(FormatNames.Code, escape: false);
        _closeJson.WriteValue((int)code);
        _closeJson.WritePropertyName(FormatNames.Reason, escape: false);
        _closeJson.WriteValue(reason);
        _closeJson.WriteEndObject();
        return _closeText.ToString();
    }

    private static JsonTextWriter NewJsonWriter(TextWriter writer) => new(writer)
    {
        Formatting = Formatting.None,
        CloseOutput = false,
        AutoCompleteOnClose = false,
    };
}

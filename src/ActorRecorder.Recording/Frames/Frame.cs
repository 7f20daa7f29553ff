namespace ActorRecorder.Recording;

/// <summary>
/// A WebSocket frame to record: text, binary, close, ping or pong. Create one with the factories
/// (<see cref="Text"/>, <see cref="Binary"/>, <see cref="Close"/>, <see cref="Ping"/>, <see cref="Pong"/>).
/// </summary>
/// <remarks>
/// A struct, so that recording a frame costs the caller one allocation (the <see cref="Record"/>) and not two.
/// Binary payloads are not copied: the recorder reads them later, on its own thread, so the memory
/// must not change after the frame was told to a recorder. A session that reuses its receive buffer
/// passes a copy, e.g. <c>Frame.Binary(buffer.AsSpan(0, count).ToArray())</c>. Two frames are equal
/// when their type and content are equal (payloads are compared byte by byte).
/// </remarks>
public readonly struct Frame : IEquatable<Frame>
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _payload;
    private readonly ushort _closeCode;

    private Frame(FrameType type, string? text, ReadOnlyMemory<byte> payload, ushort closeCode)
    {
        Type = type;
        _text = text;
        _payload = payload;
        _closeCode = closeCode;
    }

    /// <summary>The kind of frame; <c>0</c> only for <c>default(Frame)</c>, which is not a frame.</summary>
    public FrameType Type { get; }

    /// <summary>The text of a text frame; null for other frames.</summary>
    public string? TextData => Type == FrameType.Text ? _text : null;

    /// <summary>The payload of a binary, ping or pong frame; empty for other frames.</summary>
    public ReadOnlyMemory<byte> Payload => Type is FrameType.Binary or FrameType.Ping or FrameType.Pong ? _payload : ReadOnlyMemory<byte>.Empty;

    /// <summary>The status code of a close frame; 0 for other frames.</summary>
    public ushort CloseCode => Type == FrameType.Close ? _closeCode : (ushort)0;

    /// <summary>The reason of a close frame; null for other frames.</summary>
    public string? CloseReason => Type == FrameType.Close ? _text : null;

    /// <summary>A text frame.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static Frame Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Frame(FrameType.Text, text, default, 0);
    }

    /// <summary>A binary frame. The memory is not copied and must not change after the frame is recorded.</summary>
    public static Frame Binary(ReadOnlyMemory<byte> data) => new(FrameType.Binary, null, data, 0);

    /// <summary>A close frame with its status code (e.g. 1000) and reason.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null (use an empty string for none).</exception>
    public static Frame Close(ushort code, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new Frame(FrameType.Close, reason, default, code);
    }

    /// <summary>A ping frame. The memory is not copied and must not change after the frame is recorded.</summary>
    public static Frame Ping(ReadOnlyMemory<byte> data) => new(FrameType.Ping, null, data, 0);

    /// <summary>A pong frame. The memory is not copied and must not change after the frame is recorded.</summary>
    public static Frame Pong(ReadOnlyMemory<byte> data) => new(FrameType.Pong, null, data, 0);

    /// <inheritdoc />
    public bool Equals(Frame other) =>
        Type == other.Type
        && string.Equals(_text, other._text, StringComparison.Ordinal)
        && _closeCode == other._closeCode
        && _payload.Span.SequenceEqual(other._payload.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Frame other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, _text, _closeCode, _payload.Length);

    /// <summary>Equality of type and content.</summary>
    public static bool operator ==(Frame left, Frame right) => left.Equals(right);

    /// <summary>Inequality of type or content.</summary>
    public static bool operator !=(Frame left, Frame right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Type switch
    {
        FrameType.Text => $"Text({_text!.Length} chars)",
        FrameType.Close => $"Close({_closeCode}, \"{_text}\")",
        0 => "(no frame)",
        _ => $"{Type}({_payload.Length} bytes)",
    };
}

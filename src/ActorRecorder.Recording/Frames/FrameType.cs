namespace ActorRecorder.Recording;

/// <summary>The kind of a WebSocket frame, as written in the <c>"type"</c> field of a recording.</summary>
/// <remarks>The values start at 1 so that <c>default(Frame)</c> is recognisably not a frame.</remarks>
public enum FrameType
{
    /// <summary>A text frame (<c>"type":"text"</c>); data is the text itself.</summary>
    Text = 1,

    /// <summary>A binary frame (<c>"type":"binary"</c>); data is standard Base64 and <c>"binary":true</c>.</summary>
    Binary = 2,

    /// <summary>A close frame (<c>"type":"close"</c>); data is a JSON string holding <c>{"code":…,"reason":"…"}</c>.</summary>
    Close = 3,

    /// <summary>A ping (<c>"type":"ping"</c>, Base64 payload); recorded only with <see cref="RecorderOptions.RecordControlFrames"/>.</summary>
    Ping = 4,

    /// <summary>A pong (<c>"type":"pong"</c>, Base64 payload); recorded only with <see cref="RecorderOptions.RecordControlFrames"/>.</summary>
    Pong = 5,
}

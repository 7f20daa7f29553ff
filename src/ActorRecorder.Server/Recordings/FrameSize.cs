using System.Text;
using ActorRecorder.Recording;

namespace ActorRecorder.Server.Recordings;

/// <summary>The size of a frame's payload on the wire, in bytes.</summary>
internal static class FrameSize
{
    public static long Of(Frame frame) => frame.Type switch
    {
        FrameType.Text => Encoding.UTF8.GetByteCount(frame.TextData!),
        // RFC 6455: a close payload is the 2-byte status code, then the reason in UTF-8.
        FrameType.Close => 2 + Encoding.UTF8.GetByteCount(frame.CloseReason!),
        _ => frame.Payload.Length,
    };
}

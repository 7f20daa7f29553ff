namespace ActorRecorder.Recording;

/// <summary>The field names and type words of the JSONL format, shared by the writer and the reader.</summary>
internal static class FormatNames
{
    public const string Ts = "ts";
    public const string Dir = "dir";
    public const string Type = "type";
    public const string Data = "data";
    public const string Binary = "binary";
    public const string Code = "code";
    public const string Reason = "reason";

    public const string In = "in";
    public const string Out = "out";

    /// <summary>The word written in "type".</summary>
    public static string TypeWord(FrameType type) => type switch
    {
        FrameType.Text => "text",
        FrameType.Binary => "binary",
        FrameType.Close => "close",
        FrameType.Ping => "ping",
        FrameType.Pong => "pong",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a frame type."),
    };

    /// <summary>The "type" value with its quotes, as a constant so that writing it allocates nothing.</summary>
    public static string QuotedType(FrameType type) => type switch
    {
        FrameType.Text => "\"text\"",
        FrameType.Binary => "\"binary\"",
        FrameType.Close => "\"close\"",
        FrameType.Ping => "\"ping\"",
        FrameType.Pong => "\"pong\"",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a frame type."),
    };

    /// <summary>The frame type of a "type" word, if it is one.</summary>
    public static FrameType? ParseType(string word) => word switch
    {
        "text" => FrameType.Text,
        "binary" => FrameType.Binary,
        "close" => FrameType.Close,
        "ping" => FrameType.Ping,
        "pong" => FrameType.Pong,
        _ => null,
    };
}

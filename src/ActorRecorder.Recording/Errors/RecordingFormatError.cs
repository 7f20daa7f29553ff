namespace ActorRecorder.Recording;

/// <summary>What is wrong with a malformed line of a recording (ZenWebsocket's <c>{:error, reason}</c> of <c>parse_entry</c>).</summary>
public enum RecordingFormatError
{
    /// <summary>The line is not a JSON object (<c>Jason.decode</c> fails).</summary>
    InvalidJson,

    /// <summary>A required field (<c>ts</c>, <c>dir</c>, <c>type</c> or <c>data</c>) is missing or is not a string.</summary>
    MissingField,

    /// <summary><c>ts</c> is not an ISO 8601 date and time with an offset.</summary>
    InvalidTimestamp,

    /// <summary><c>dir</c> is neither "in" nor "out" (<c>:invalid_direction</c>).</summary>
    InvalidDirection,

    /// <summary><c>type</c> is not one of "text", "binary", "close", "ping", "pong" (<c>:invalid_type</c>).</summary>
    InvalidType,
}

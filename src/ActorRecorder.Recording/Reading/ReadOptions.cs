namespace ActorRecorder.Recording;

/// <summary>How <see cref="RecordingReader.ReadAsync"/> treats malformed lines. Blank lines are always skipped.</summary>
public sealed record ReadOptions
{
    /// <summary>Strict: the first malformed line throws a <see cref="RecordingFormatException"/> with its line number.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>Lenient: malformed lines are skipped (ZenWebsocket's replay and metadata behaviour).</summary>
    public static ReadOptions Lenient { get; } = new() { SkipMalformed = true };

    /// <summary>Skip malformed lines instead of throwing. Default false.</summary>
    public bool SkipMalformed { get; init; }

    /// <summary>Called with each skipped line's error (line number and reason), e.g. to count or log them.</summary>
    public Action<RecordingFormatException>? OnSkipped { get; init; }
}

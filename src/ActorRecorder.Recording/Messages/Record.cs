namespace ActorRecorder.Recording;

/// <summary>
/// Records one frame: <c>recorder.Tell(new Record(Direction.Out, Frame.Text("hello")))</c>. Never blocks the sender.
/// </summary>
/// <remarks>
/// The timestamp is taken here, on the caller's side, when the record is created (UTC, truncated to
/// microseconds, the precision of the format), so a recorder that is behind does not shift the time
/// of a frame. Invalid input is rejected here, in the caller, where it can be fixed: a recorder never
/// has to crash on a bad record.
/// </remarks>
public sealed record Record
{
    /// <summary>A record of <paramref name="frame"/> timestamped now.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is neither <see cref="Direction.In"/> nor <see cref="Direction.Out"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="frame"/> is <c>default(Frame)</c>.</exception>
    public Record(Direction direction, Frame frame)
        : this(direction, frame, DateTime.UtcNow)
    {
    }

    /// <summary>A record of <paramref name="frame"/> with the given timestamp (for replays and tests).
    /// A local time is converted to UTC; an unspecified kind is taken as UTC.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is neither <see cref="Direction.In"/> nor <see cref="Direction.Out"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="frame"/> is <c>default(Frame)</c>.</exception>
    public Record(Direction direction, Frame frame, DateTime timestamp)
    {
        if (direction is not (Direction.In or Direction.Out))
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "A record's direction must be Direction.In or Direction.Out.");
        if (frame.Type == 0)
            throw new ArgumentException("The frame is default(Frame); create one with Frame.Text, Frame.Binary, Frame.Close, Frame.Ping or Frame.Pong.", nameof(frame));
        Direction = direction;
        Frame = frame;
        Timestamp = Microseconds(timestamp);
    }

    /// <summary>Which way the frame travelled.</summary>
    public Direction Direction { get; }

    /// <summary>The frame.</summary>
    public Frame Frame { get; }

    /// <summary>When the frame was recorded (UTC, microsecond precision).</summary>
    public DateTime Timestamp { get; }

    private static DateTime Microseconds(DateTime timestamp)
    {
        var utc = timestamp.Kind switch
        {
            DateTimeKind.Local => timestamp.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(timestamp, DateTimeKind.Utc),
            _ => timestamp,
        };
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }
}

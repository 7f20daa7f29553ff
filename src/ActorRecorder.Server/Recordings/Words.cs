using System.Globalization;
using ActorRecorder.Recording;

namespace ActorRecorder.Server.Recordings;

/// <summary>How the commands write directions, frame types, times and durations: the recording's own words.</summary>
internal static class Words
{
    public static string Of(Direction direction) => direction == Direction.In ? "in" : "out";

    public static string Of(FrameType type) => type.ToString().ToLowerInvariant();

    /// <summary>As the recording writes "ts": ISO 8601 in UTC with microseconds.</summary>
    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>hh:mm:ss.fff, with days in front when there are any.</summary>
    public static string Duration(TimeSpan duration) =>
        duration.ToString(duration.Days > 0 ? @"d\.hh\:mm\:ss\.fff" : @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}

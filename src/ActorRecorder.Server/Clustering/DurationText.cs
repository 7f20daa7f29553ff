using ActorRecorder.Hocon;

namespace ActorRecorder.Server.Clustering;

/// <summary>
/// A duration as people type it on the command line: <c>10s</c>, <c>500ms</c>, <c>2m</c>, or a number of milliseconds,
/// read as HOCON reads a duration (the project's loader, the same rules as the config files).
/// </summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        try
        {
            duration = HoconLoader.ParseString("duration = " + HoconLoader.Quote(text.Trim())).GetTimeSpan("duration", null, allowInfinite: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
        return duration >= TimeSpan.Zero && duration.TotalMilliseconds <= DrainTimeout.MaxMilliseconds;
    }
}

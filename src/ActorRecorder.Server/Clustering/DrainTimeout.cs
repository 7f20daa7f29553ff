namespace ActorRecorder.Server.Clustering;

/// <summary>The bounds of a drain's timeout, shared by the route and <c>cluster drain</c>.</summary>
internal static class DrainTimeout
{
    /// <summary>10 s, as serve's own drain.</summary>
    public const long DefaultMilliseconds = 10_000;

    /// <summary>An hour: longer is a typo.</summary>
    public const long MaxMilliseconds = 60 * 60 * 1000;
}

namespace ActorRecorder.Http;

/// <summary>
/// A token bucket per client IP (ASP.NET Core's rate limiter): <see cref="PermitsPerSecond"/> requests a second,
/// bursts up to <see cref="Burst"/>; a request over it gets 429 with <c>Retry-After</c> and counts as rejected.
/// </summary>
public sealed record ClientRateLimit
{
    /// <summary>Requests a client may make per second, on average.</summary>
    public required int PermitsPerSecond { get; init; }

    /// <summary>Requests a client may make at once; <see cref="PermitsPerSecond"/> when null.</summary>
    public int? Burst { get; init; }
}

namespace ActorRecorder.Http;

/// <summary>Cross-origin requests the listener allows (ASP.NET Core's CORS middleware).</summary>
public sealed record CorsSettings
{
    /// <summary>Origins allowed, e.g. <c>https://app.example</c>; <c>*</c> for any.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Methods allowed; empty for any.</summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } = [];

    /// <summary>Request headers allowed; empty for any.</summary>
    public IReadOnlyList<string> AllowedHeaders { get; init; } = [];

    /// <summary>Whether credentials (cookies, authorization) may be sent; not with <c>*</c> origins.</summary>
    public bool AllowCredentials { get; init; }
}

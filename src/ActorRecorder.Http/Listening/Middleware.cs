using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace ActorRecorder.Http;

/// <summary>The options ASP.NET Core's own middleware does: rate limiting, CORS, compression and static files, in that order before the routes.</summary>
internal static class Middleware
{
    public static void AddServices(IServiceCollection services, ListenerState state)
    {
        var options = state.Options;
        if (options.RateLimit is { } limit)
        {
            services.AddRateLimiter(limiter =>
            {
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limit.Burst ?? limit.PermitsPerSecond,
                        TokensPerPeriod = limit.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.OnRejected = (rejected, _) =>
                {
                    var http = rejected.HttpContext;
                    var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    state.CountRejection("rate_limited");
                    var peer = Connections.PeerOf(http);
                    HttpTelemetry.Publish("roadrunner.request.rejected", () => Connections.Payload(state, peer, ("status", 429), ("reason", "rate_limited")));
                    return ValueTask.CompletedTask;
                };
            });
        }
        if (options.Cors is { } cors)
        {
            services.AddCors(c => c.AddDefaultPolicy(policy =>
            {
                if (cors.AllowedOrigins.Contains("*")) policy.AllowAnyOrigin();
                else policy.WithOrigins([.. cors.AllowedOrigins]);
                if (cors.AllowedMethods.Count == 0) policy.AllowAnyMethod();
                else policy.WithMethods([.. cors.AllowedMethods]);
                if (cors.AllowedHeaders.Count == 0) policy.AllowAnyHeader();
                else policy.WithHeaders([.. cors.AllowedHeaders]);
                if (cors.AllowCredentials) policy.AllowCredentials();
            }));
        }
        if (options.Compression) services.AddResponseCompression();
    }

    public static void Use(WebApplication app, ListenerState state)
    {
        var options = state.Options;
        if (options.RateLimit is not null) app.UseRateLimiter();
        if (options.Cors is not null) app.UseCors();
        if (options.Compression) app.UseResponseCompression();
        if (options.StaticFiles is { } directory)
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(directory)) });
    }
}

using System.Net;
using System.Net.Http.Headers;
using ActorRecorder.Http.Tests.Support;
using ActorRecorder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Middleware;

/// <summary>The options ASP.NET Core's middleware does for a listener: rate limit, CORS, compression, static files; and max keep-alive requests.</summary>
public sealed class MiddlewareOptionsSpec(ITestOutputHelper output) : HttpSpec(output)
{
    private static Routes Hello() => new Routes().Map("/hello", (_, _) => Task.FromResult(HttpResponse.Text(new string('h', 2000))));

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_Retry_After_and_is_counted()
    {
        var listener = await StartAsync("limited", Hello(), o => o with { RateLimit = new ClientRateLimit { PermitsPerSecond = 1, Burst = 2 } });
        using var client = Client(listener);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 3; i++)
        {
            var response = await client.GetAsync("/hello");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(refused!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await Listeners.InfoAsync("limited"))!.Rejected);
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_and_another_origin_is_not()
    {
        var listener = await StartAsync("cors", Hello(), o => o with { Cors = new CorsSettings { AllowedOrigins = ["https://app.example"] } });
        using var client = Client(listener);
        HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/hello");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "GET");
            return request;
        }
        var allowed = await client.SendAsync(Preflight("https://app.example"));
        Assert.Equal("https://app.example", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        var other = await client.SendAsync(Preflight("https://evil.example"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_client_that_accepts_gzip_gets_a_compressed_response()
    {
        var listener = await StartAsync("gzip", Hello(), o => o with { Compression = true });
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
            { BaseAddress = new Uri($"http://127.0.0.1:{listener.Port}"), Timeout = Patience };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hello");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 2000);
    }

    [Fact]
    public async Task Static_files_have_an_ETag_answer_conditional_requests_and_ranges_and_routes_still_serve()
    {
        using var directory = new TempDirectory();
        directory.WriteLines("page.txt", "0123456789");
        var listener = await StartAsync("files", Hello(), o => o with { StaticFiles = directory.Path });
        using var client = Client(listener);
        using var first = await client.GetAsync("/page.txt");
        Assert.Equal("0123456789\n", await first.Content.ReadAsStringAsync());
        var etag = first.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/page.txt");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
        using var range = new HttpRequestMessage(HttpMethod.Get, "/page.txt");
        range.Headers.Range = new RangeHeaderValue(2, 4);
        using var partial = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("234", await partial.Content.ReadAsStringAsync());
        Assert.Equal(2000, (await client.GetStringAsync("/hello")).Length);
    }

    [Fact]
    public async Task A_missing_static_files_directory_is_an_invalid_option()
    {
        var error = await Assert.ThrowsAsync<InvalidListenerOptionException>(() => StartAsync("files", Hello(), o => o with { StaticFiles = "/nonexistent/site" }));
        Assert.Equal("static-files", error.Key);
    }

    [Fact]
    public async Task The_last_request_a_connection_may_make_is_answered_with_Connection_close()
    {
        var listener = await StartAsync("keepalive", Hello(), o => o with { MaxKeepAliveRequests = 2 });
        using var client = Client(listener);
        using var first = await client.GetAsync("/hello");
        Assert.NotEqual(true, first.Headers.ConnectionClose);
        using var second = await client.GetAsync("/hello");
        Assert.True(second.Headers.ConnectionClose);
        using var third = await client.GetAsync("/hello"); // on a new connection
        Assert.NotEqual(true, third.Headers.ConnectionClose);
    }
}

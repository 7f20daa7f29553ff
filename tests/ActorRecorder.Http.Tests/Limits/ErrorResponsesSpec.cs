using System.Net;
using ActorRecorder.Http.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Limits;

/// <summary>The listener's own error answers: 500 for a handler that throws, 404 for no route, 405 with Allow for another method.</summary>
public sealed class ErrorResponsesSpec(ITestOutputHelper output) : HttpSpec(output)
{
    private static Routes Routes() => new Routes()
        .Map("/boom", (_, _) => throw new InvalidOperationException("the handler throws, as asked"), "GET")
        .Map("/hello", (_, _) => Task.FromResult(HttpResponse.Text("hello")), "GET")
        .Map("/items", (_, _) => Task.FromResult(HttpResponse.Text("items")), "GET", "POST")
        .Map("/items", (_, _) => Task.FromResult(HttpResponse.Text("deleted")), "DELETE");

    [Fact]
    public async Task A_handler_that_throws_gets_500_and_the_next_request_on_the_listener_is_served()
    {
        var info = await StartAsync("web", Routes());
        using var client = Client(info);
        using (var failed = await client.GetAsync(new Uri("/boom", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.Equal("", await failed.Content.ReadAsStringAsync());
        }
        Assert.Equal("hello", await client.GetStringAsync("/hello"));
        var stats = (await Listeners.InfoAsync("web"))!;
        Assert.Equal(ListenerStatus.Accepting, stats.Status);
        Assert.Equal(2, stats.RequestsServed);
    }

    [Fact]
    public async Task An_unknown_path_gets_404()
    {
        var info = await StartAsync("web", Routes());
        using var raw = await RawAsync(info);
        await raw.SendAsync(RawHttp.Get("/nowhere"));
        var response = await raw.ReadResponseAsync();
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        Assert.Null(response.Header("Allow"));
        // The connection stays open for the next request.
        await raw.SendAsync(RawHttp.Get("/hello"));
        Assert.Equal("hello", (await raw.ReadResponseAsync())?.Body);
    }

    [Fact]
    public async Task Another_method_on_a_known_path_gets_405_with_Allow_listing_the_methods_of_its_routes()
    {
        var info = await StartAsync("web", Routes());
        using var raw = await RawAsync(info);
        await raw.SendAsync("PUT /items HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
        var response = await raw.ReadResponseAsync();
        Assert.NotNull(response);
        Assert.Equal(405, response.Status);
        Assert.Equal("GET, POST, DELETE", response.Header("Allow"));
        await raw.SendAsync("DELETE /items HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        Assert.Equal("deleted", (await raw.ReadResponseAsync())?.Body);
    }
}

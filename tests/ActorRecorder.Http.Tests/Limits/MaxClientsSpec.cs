using ActorRecorder.Http.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Limits;

/// <summary>roadrunner's max_clients: connections over it are refused without a response and counted as rejected.</summary>
public sealed class MaxClientsSpec(ITestOutputHelper output) : HttpSpec(output)
{
    private static Routes Hello() => new Routes().Map("/hello", (_, _) => Task.FromResult(HttpResponse.Text("hello")), "GET");

    private static async Task AssertServedAsync(RawHttp raw)
    {
        await raw.SendAsync(RawHttp.Get("/hello"));
        var response = await raw.ReadResponseAsync();
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal("hello", response.Body);
        Assert.False(response.Closes);
    }

    [Fact]
    public async Task A_connection_over_max_clients_is_closed_without_a_response_and_counted_and_a_freed_place_serves_again()
    {
        var info = await StartAsync("web", Hello(), o => o with { MaxClients = 2 });
        using var first = await RawAsync(info);
        using var second = await RawAsync(info);
        await AssertServedAsync(first);
        await AssertServedAsync(second);
        Assert.Equal(2, (await Listeners.InfoAsync("web"))!.ActiveConnections);

        Assert.True(await RawHttp.RefusedAsync(info.Port, Patience), "the third connection is closed with no byte sent to it");
        await AwaitAssertAsync(async () =>
        {
            var stats = (await Listeners.InfoAsync("web"))!;
            Assert.Equal(1, stats.Rejected);
            Assert.Equal(2, stats.ActiveConnections);
        }, Patience);
        // The two admitted connections are untouched: both are still served, keep-alive.
        await AssertServedAsync(first);
        await AssertServedAsync(second);

        first.Dispose();
        await AwaitAssertAsync(async () => Assert.Equal(1, (await Listeners.InfoAsync("web"))!.ActiveConnections), Patience);
        using var fourth = await RawAsync(info);
        await AssertServedAsync(fourth);
        var after = (await Listeners.InfoAsync("web"))!;
        Assert.Equal(1, after.Rejected);
        Assert.Equal(2, after.ActiveConnections);
        Assert.Equal(5, after.RequestsServed);
    }
}

using System.Net;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ActorRecorder.Http.Tests.Handlers;

/// <summary>A handler actor may read its request's method, path, query and peer after the client has gone.</summary>
public sealed class HttpRequestContextSpec
{
    [Fact]
    public void The_method_path_query_and_peer_outlive_the_finished_requests_context()
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/ticks";
        http.Request.QueryString = new QueryString("?hold&n=3");
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Connection.RemotePort = 40000;
        var request = new HttpRequestContext("sse", "0123456789abcdef", http, new Dictionary<string, string>());

        // What ASP.NET Core does to a finished request's context: its features are gone.
        http.Uninitialize();
        Assert.ThrowsAny<Exception>(() => http.Request.Query);

        Assert.Equal("GET", request.Method);
        Assert.Equal("/ticks", request.Path);
        Assert.True(request.Query.ContainsKey("hold"));
        Assert.Equal("3", request.Query["n"].ToString());
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 40000), request.Peer);
    }
}

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ActorRecorder.Http;

/// <summary>
/// One request as a handler sees it: the listener, the request id, the route's parameters, and ASP.NET Core's request.
/// The method, path, query and peer are taken when the request arrives, so a handler actor can read them after its
/// client has gone (ASP.NET Core disposes a finished request's context); the headers, the body and <see cref="Http"/>
/// are the live request's, for while it runs.
/// </summary>
public sealed class HttpRequestContext
{
    internal HttpRequestContext(string listener, string requestId, HttpContext http, IReadOnlyDictionary<string, string> routeValues)
    {
        Listener = listener;
        RequestId = requestId;
        Http = http;
        RouteValues = routeValues;
        Method = http.Request.Method;
        Path = http.Request.Path.Value ?? "/";
        Query = http.Request.Query;
        Peer = http.Connection.RemoteIpAddress is { } ip ? new IPEndPoint(ip, http.Connection.RemotePort) : null;
    }

    /// <summary>The listener's name.</summary>
    public string Listener { get; }

    /// <summary>The request's id: 16 hex characters, also in its telemetry events.</summary>
    public string RequestId { get; }

    /// <summary>The route's <c>:name</c> and <c>*name</c> values.</summary>
    public IReadOnlyDictionary<string, string> RouteValues { get; }

    /// <summary>ASP.NET Core's context, for what this type does not show.</summary>
    public HttpContext Http { get; }

    /// <summary>The method (GET, POST, …).</summary>
    public string Method { get; }

    /// <summary>The path, without the query.</summary>
    public string Path { get; }

    /// <summary>The query string's values.</summary>
    public IQueryCollection Query { get; }

    /// <summary>The request headers, while the request runs.</summary>
    public IHeaderDictionary Headers => Http.Request.Headers;

    /// <summary>The client's address and port.</summary>
    public IPEndPoint? Peer { get; }

    /// <summary>The body as a stream (at most the listener's max content length; more gives 413).</summary>
    public Stream Body => Http.Request.Body;

    /// <summary>Reads the body as UTF-8 text.</summary>
    public async Task<string> ReadBodyAsStringAsync(CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(Http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}

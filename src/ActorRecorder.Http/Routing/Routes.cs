using System.Collections;
using Akka.Actor;

namespace ActorRecorder.Http;

/// <summary>
/// A listener's routes, tried in order; the first whose pattern and method match wins. A path that matches only
/// with another method gets 405 with <c>Allow</c>; a path that matches nothing gets 404. Patterns have literal
/// segments, <c>:name</c> (one segment) and a last <c>*name</c> (the rest of the path).
/// </summary>
public sealed class Routes : IEnumerable<Route>
{
    private readonly List<Route> _routes = [];

    /// <summary>A request handler: it runs on the connection's own task, no actor hop. No methods means any.</summary>
    public Routes Map(string pattern, IRequestHandler handler, params string[] methods)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new Route(RoutePattern.Parse(pattern), methods, RouteKind.Request, handler, null));
    }

    /// <summary>A request handler written as a function.</summary>
    public Routes Map(string pattern, Func<HttpRequestContext, CancellationToken, Task<HttpResponse>> handle, params string[] methods)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return Map(pattern, new FunctionHandler(handle), methods);
    }

    /// <summary>A loop handler: a <see cref="LoopHandler"/> actor from <paramref name="handler"/> per request, for long-running responses.</summary>
    public Routes Loop(string pattern, Props handler, params string[] methods)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new Route(RoutePattern.Parse(pattern), methods, RouteKind.Loop, null, handler));
    }

    /// <summary>A loop handler of type <typeparamref name="THandler"/>.</summary>
    public Routes Loop<THandler>(string pattern, params string[] methods)
        where THandler : LoopHandler, new() => Loop(pattern, Props.Create<THandler>(), methods);

    /// <summary>
    /// A WebSocket endpoint: a <see cref="WebSocketHandler"/> actor from <paramref name="handler"/> per session. Its sessions are
    /// recorded under <paramref name="recordTo"/> when given, otherwise under the listener's <see cref="ListenerOptions.RecordTo"/>.
    /// </summary>
    public Routes WebSocket(string pattern, Props handler, string? recordTo = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new Route(RoutePattern.Parse(pattern), ["GET"], RouteKind.WebSocket, null, handler) { RecordTo = recordTo });
    }

    /// <summary>A WebSocket endpoint served by <typeparamref name="THandler"/>, recorded under <paramref name="recordTo"/> when given.</summary>
    public Routes WebSocket<THandler>(string pattern, string? recordTo = null)
        where THandler : WebSocketHandler, new() => WebSocket(pattern, Props.Create<THandler>(), recordTo);

    /// <summary>The route for <paramref name="method"/> <paramref name="path"/>, or null with the methods the path allows (empty: 404).</summary>
    internal (Route Route, IReadOnlyDictionary<string, string> Values)? Match(string path, string method, out IReadOnlyList<string> allowed)
    {
        var methods = new List<string>();
        foreach (var route in _routes)
        {
            if (route.Pattern.Match(path) is not { } values) continue;
            if (route.Allows(method))
            {
                allowed = [];
                return (route, values);
            }
            methods.AddRange(route.Methods);
        }
        allowed = methods.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return null;
    }

    private Routes Add(Route route)
    {
        _routes.Add(route);
        return this;
    }

    /// <inheritdoc />
    public IEnumerator<Route> GetEnumerator() => _routes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class FunctionHandler(Func<HttpRequestContext, CancellationToken, Task<HttpResponse>> handle) : IRequestHandler
    {
        public Task<HttpResponse> HandleAsync(HttpRequestContext request, CancellationToken cancellationToken) => handle(request, cancellationToken);
    }
}

/// <summary>What kind of handler a route has.</summary>
public enum RouteKind
{
    /// <summary>An <see cref="IRequestHandler"/>.</summary>
    Request,

    /// <summary>A <see cref="LoopHandler"/> actor per request.</summary>
    Loop,

    /// <summary>A <see cref="WebSocketHandler"/> actor per session.</summary>
    WebSocket,
}

/// <summary>One route: a pattern, the methods it takes (none: any), and its handler.</summary>
public sealed class Route
{
    internal Route(RoutePattern pattern, IReadOnlyList<string> methods, RouteKind kind, IRequestHandler? handler, Props? props)
    {
        Pattern = pattern;
        Methods = methods.Select(m => m.ToUpperInvariant()).ToArray();
        Kind = kind;
        Handler = handler;
        Props = props;
    }

    /// <summary>The pattern.</summary>
    public RoutePattern Pattern { get; }

    /// <summary>The methods it takes; empty for any.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>The handler's kind.</summary>
    public RouteKind Kind { get; }

    internal IRequestHandler? Handler { get; }

    internal Props? Props { get; }

    /// <summary>Where this route's WebSocket sessions are recorded, over the listener's <see cref="ListenerOptions.RecordTo"/>; null for the listener's.</summary>
    public string? RecordTo { get; init; }

    internal bool Allows(string method) => Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase)
                                            || (method == "HEAD" && Methods.Contains("GET", StringComparer.Ordinal));

    /// <inheritdoc />
    public override string ToString() => $"{(Methods.Count == 0 ? "*" : string.Join(',', Methods))} {Pattern} ({Kind})";
}

using System.Diagnostics;
using Akka.Actor;
using Microsoft.AspNetCore.Http;

namespace ActorRecorder.Http;

/// <summary>
/// A listener's application: matches the route (404, or 405 with <c>Allow</c>), runs a request handler on the
/// request's own task or hands the request to a loop or WebSocket handler actor, and publishes roadrunner's
/// request events.
/// </summary>
internal sealed class RequestDispatcher(ListenerState state, IActorRef listener)
{
    public async Task HandleAsync(HttpContext http)
    {
        var requestId = HttpTelemetry.NewRequestId();
        var started = Stopwatch.GetTimestamp();
        var peer = Connections.PeerOf(http);
        state.Counters.RequestStarted();
        HttpTelemetry.Publish("roadrunner.request.start", () => Payload(peer, requestId, ("method", http.Request.Method), ("path", http.Request.Path.Value)));
        try
        {
            KeepAliveBudget(http);
            if (LongestHeaderLine(http) > state.Options.MaxHeaderLineSize)
            {
                // Kestrel limits the header block only; roadrunner limits each line too.
                Reject(http, peer, requestId, StatusCodes.Status431RequestHeaderFieldsTooLarge, "header_line_too_long");
                return;
            }
            if (AmbiguousFraming(http))
            {
                // roadrunner refuses a body framed two ways (a request-smuggling attempt), as RFC 9112 §6.3 allows.
                Reject(http, peer, requestId, StatusCodes.Status400BadRequest, "content_length_with_transfer_encoding");
                return;
            }
            var match = state.Options.Routes.Match(http.Request.Path.Value ?? "/", http.Request.Method, out var allowed);
            if (match is not { } found)
            {
                http.Response.StatusCode = allowed.Count == 0 ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed;
                if (allowed.Count > 0) http.Response.Headers.Allow = string.Join(", ", allowed);
                return;
            }
            var request = new HttpRequestContext(state.Name, requestId, http, found.Values);
            switch (found.Route.Kind)
            {
                case RouteKind.Request:
                    await ServeRequestAsync(found.Route.Handler!, request, http).ConfigureAwait(false);
                    break;
                case RouteKind.Loop:
                    await LoopResponse.ServeAsync(listener, found.Route.Props!, request).ConfigureAwait(false);
                    break;
                case RouteKind.WebSocket:
                    await WebSocketSession.ServeAsync(state, listener, found.Route, request).ConfigureAwait(false);
                    break;
            }
        }
        catch (BadHttpRequestException e)
        {
            // A limit Kestrel enforces while the body is read (413 above max-content-length, 408 for a too slow body).
            state.CountRejection(e.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            HttpTelemetry.Publish("roadrunner.request.rejected", () => Payload(peer, requestId, ("status", e.StatusCode), ("reason", e.Message)));
            if (!http.Response.HasStarted)
            {
                http.Response.StatusCode = e.StatusCode;
                // The body was not read to its end, so the connection cannot carry another request: say so. Kestrel
                // closes it anyway, but only says Connection: close itself for some reasons (413), not for a too slow body.
                http.Response.Headers.Connection = "close";
            }
        }
        finally
        {
            state.Counters.RequestServed();
            var status = http.Response.StatusCode;
            var elapsed = Stopwatch.GetElapsedTime(started);
            HttpTelemetry.Requests.Add(1, new("listener", state.Name), new("status", status));
            HttpTelemetry.RequestDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("listener", state.Name));
            HttpTelemetry.Publish("roadrunner.request.stop", () => Payload(peer, requestId, ("status", status), ("duration", elapsed)));
        }
    }

    /// <summary>The longest header line, as sent: <c>name: value</c>, each value of a repeated header on its own line.</summary>
    private static int LongestHeaderLine(HttpContext http)
    {
        var longest = 0;
        foreach (var (name, values) in http.Request.Headers)
        {
            foreach (var value in values) longest = Math.Max(longest, name.Length + 2 + (value?.Length ?? 0));
        }
        return longest;
    }

    /// <summary>
    /// Content-Length and Transfer-Encoding together. Kestrel reads such a body as chunked and moves the Content-Length
    /// to <c>X-Content-Length</c>, so that is where it shows.
    /// </summary>
    private static bool AmbiguousFraming(HttpContext http) =>
        http.Request.Headers.ContainsKey("Transfer-Encoding") && (http.Request.ContentLength is not null || http.Request.Headers.ContainsKey("X-Content-Length"));

    private void Reject(HttpContext http, string? peer, string requestId, int status, string reason)
    {
        state.CountRejection(reason);
        HttpTelemetry.Publish("roadrunner.request.rejected", () => Payload(peer, requestId, ("status", status), ("reason", reason)));
        http.Response.StatusCode = status;
        http.Response.Headers.Connection = "close";
    }

    /// <summary>roadrunner's max_keep_alive: the connection's last allowed request is answered with <c>Connection: close</c>.</summary>
    private void KeepAliveBudget(HttpContext http)
    {
        // A WebSocket upgrade is the connection's last request: nothing to count.
        if (!HttpProtocol.IsHttp11(http.Request.Protocol) || http.WebSockets.IsWebSocketRequest) return;
        var items = http.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionItemsFeature>()?.Items;
        if (items is null) return;
        var served = items.TryGetValue(typeof(RequestDispatcher), out var count) ? (int)count! + 1 : 1;
        items[typeof(RequestDispatcher)] = served;
        if (served >= state.Options.MaxKeepAliveRequests) http.Response.Headers.Connection = "close";
    }

    private async Task ServeRequestAsync(IRequestHandler handler, HttpRequestContext request, HttpContext http)
    {
        HttpResponse response;
        try
        {
            response = await handler.HandleAsync(request, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException)
        {
            throw;
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            HttpTelemetry.Publish("roadrunner.request.exception", () => Payload(request.Peer?.ToString(), request.RequestId, ("kind", e.GetType().Name), ("reason", e.Message), ("exception", e)));
            if (!http.Response.HasStarted) http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        http.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers) http.Response.Headers[name] = value;
        if (response.ContentType is { } type) http.Response.ContentType = type;
        if (response.Body.Length > 0)
        {
            http.Response.ContentLength = response.Body.Length;
            await http.Response.Body.WriteAsync(response.Body, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private IReadOnlyDictionary<string, object?> Payload(string? peer, string requestId, params (string Key, object? Value)[] more) =>
        Connections.Payload(state, peer, [("request_id", requestId), .. more]);
}

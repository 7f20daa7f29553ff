using System.Threading.Channels;
using Akka.Actor;

namespace ActorRecorder.Http;

/// <summary>
/// A loop handler's response: the actor queues status, headers and chunks; the request's task writes them in order and
/// flushes each chunk, and ends the response when the actor finishes or stops, or tells it when the client goes away.
/// </summary>
internal sealed class LoopResponse : IHandlerConnection
{
    private readonly Channel<Action<Microsoft.AspNetCore.Http.HttpResponse>> _status = Channel.CreateUnbounded<Action<Microsoft.AspNetCore.Http.HttpResponse>>();
    private readonly Channel<ReadOnlyMemory<byte>> _chunks = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _headersSet = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private bool _pushed;

    private LoopResponse(HttpRequestContext request) => Request = request;

    public HttpRequestContext Request { get; }

    public static async Task ServeAsync(IActorRef listener, Props handler, HttpRequestContext request)
    {
        var response = new LoopResponse(request);
        var http = request.Http;
        var actor = await listener.Ask<IActorRef>(new ListenerActor.StartHandler(handler, response), TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        var told = 0;
        void Disconnected()
        {
            if (Interlocked.Exchange(ref told, 1) == 0) actor.Tell(ClientDisconnected.Instance);
        }
        using var disconnected = http.RequestAborted.Register(Disconnected);
        try
        {
            await foreach (var chunk in response._chunks.Reader.ReadAllAsync(http.RequestAborted).ConfigureAwait(false))
            {
                response.ApplyHeaders(http.Response);
                await http.Response.Body.WriteAsync(chunk, http.RequestAborted).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
            }
            response.ApplyHeaders(http.Response);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went away: a write can fail (a reset) before the request is marked aborted, so say it here too.
            Disconnected();
        }
    }

    private void ApplyHeaders(Microsoft.AspNetCore.Http.HttpResponse response)
    {
        while (_status.Reader.TryRead(out var apply))
        {
            if (!response.HasStarted) apply(response);
        }
    }

    public void SetStatus(int status) => BeforeFirstPush(r => r.StatusCode = status, "SetStatus");

    public void SetHeader(string name, string value)
    {
        lock (_gate) _headersSet.Add(name);
        BeforeFirstPush(r => r.Headers[name] = value, "SetHeader");
    }

    public void SetHeaderOnce(string name, string value)
    {
        lock (_gate)
        {
            if (!_headersSet.Add(name)) return;
        }
        BeforeFirstPush(r => r.Headers[name] = value, "PushEvent");
    }

    private void BeforeFirstPush(Action<Microsoft.AspNetCore.Http.HttpResponse> apply, string what)
    {
        lock (_gate)
        {
            if (_pushed) throw new InvalidOperationException($"{what} must come before the first Push: the response has started.");
        }
        _status.Writer.TryWrite(apply);
    }

    public void Push(ReadOnlyMemory<byte> chunk)
    {
        lock (_gate) _pushed = true;
        _chunks.Writer.TryWrite(chunk);
    }

    public void Finish() => _chunks.Writer.TryComplete();

    /// <inheritdoc />
    public void HandlerStopped(bool crashed)
    {
        // A crash before anything was written is a 500; after, the response just ends where it is.
        if (crashed) BeforeFirstPushQuietly(r => r.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status500InternalServerError);
        _chunks.Writer.TryComplete();
    }

    /// <inheritdoc />
    public Task ShutdownAsync()
    {
        // Abort first: a channel completed first can let the response loop end normally, and Kestrel would then finish
        // the response cleanly (its last chunk) before the abort took effect.
        Request.Http.Abort();
        _chunks.Writer.TryComplete();
        return Task.CompletedTask;
    }

    private void BeforeFirstPushQuietly(Action<Microsoft.AspNetCore.Http.HttpResponse> apply)
    {
        lock (_gate)
        {
            if (_pushed) return;
        }
        _status.Writer.TryWrite(apply);
    }
}

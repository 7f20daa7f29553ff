namespace ActorRecorder.Http;

/// <summary>
/// A request handler (roadrunner's handler module for plain requests): it runs on the connection's own task,
/// with no actor hop. An exception becomes a 500 and a <c>roadrunner.request.exception</c> event; the listener
/// keeps serving.
/// </summary>
public interface IRequestHandler
{
    /// <summary>Answers one request.</summary>
    Task<HttpResponse> HandleAsync(HttpRequestContext request, CancellationToken cancellationToken);
}

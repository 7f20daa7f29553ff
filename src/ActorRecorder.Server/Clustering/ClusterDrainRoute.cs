using System.Text.Json;
using ActorRecorder.Cluster;
using ActorRecorder.Http;
using ActorRecorder.Server.Serving;

namespace ActorRecorder.Server.Clustering;

/// <summary>
/// <c>POST /api/cluster/drain</c> with <c>{"node": "host:port", "timeoutMs": 10000}</c> as application/json: drains every
/// listener of that member (<see cref="ClusterListeners.DrainNodeAsync"/>), which then leaves the cluster, and answers
/// each listener's result (<see cref="NodeDrainView"/>). An admin route: with an admin token it needs the token. JSON
/// only, so that a page of another origin cannot send it without the CORS preflight this server never grants.
/// </summary>
internal static class ClusterDrainRoute
{
    /// <summary>The route.</summary>
    public const string Path = "/api/cluster/drain";

    public static async Task<HttpResponse> HandleAsync(ServeState state, HttpRequestContext request, CancellationToken cancellationToken)
    {
        if (state.System is not { } system || state.Settings.Cluster is null)
            return Error(409, "This server is not a cluster node.");
        if (!string.Equals(request.Http.Request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
            return Error(415, "Send the request as application/json: {\"node\": \"host:port\", \"timeoutMs\": 10000}.");
        DrainRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<DrainRequest>(await request.ReadBodyAsStringAsync(cancellationToken).ConfigureAwait(false), JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            return Error(400, $"The body is not {{\"node\": \"host:port\", \"timeoutMs\": 10000}}: {e.Message}");
        }
        if (body is not { Node.Length: > 0 } || body.TimeoutMs is < 0 or > DrainTimeout.MaxMilliseconds)
            return Error(400, $"Give \"node\" (host:port) and \"timeoutMs\" (0 to {DrainTimeout.MaxMilliseconds}).");

        var cluster = Akka.Cluster.Cluster.Get(system);
        var members = cluster.State.Members.Select(m => m.Address).ToList();
        var node = members.FirstOrDefault(a => ClusterView.NodeName(a) == body.Node || a.ToString() == body.Node);
        if (node is null)
            return Error(404, $"No member {body.Node}; the members are {string.Join(", ", members.Select(ClusterView.NodeName))}.");
        if (node == cluster.SelfAddress)
            return Error(409, $"{body.Node} is the node serving this request, which its own drain would cut: ask another node, or send it SIGTERM.");
        try
        {
            var result = await ClusterListeners.Get(system).DrainNodeAsync(node, TimeSpan.FromMilliseconds(body.TimeoutMs), cancellationToken).ConfigureAwait(false);
            return HttpResponse.Json(NodeDrainView.Of(result));
        }
        catch (ClusterNodeNotFoundException e)
        {
            return Error(404, e.Message);
        }
        catch (ClusterNodeUnreachableException e)
        {
            return Error(504, e.Message);
        }
        catch (InvalidOperationException e)
        {
            return Error(502, e.Message);
        }
    }

    private static HttpResponse Error(int status, string message) => HttpResponse.Json(new DrainError(message), status);

    /// <summary>The request's body.</summary>
    private sealed record DrainRequest(string? Node, long TimeoutMs = DrainTimeout.DefaultMilliseconds);

    /// <summary>A refusal's body.</summary>
    private sealed record DrainError(string Error);
}

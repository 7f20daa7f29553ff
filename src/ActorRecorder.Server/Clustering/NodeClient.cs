using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ActorRecorder.Server.Clustering;

/// <summary>
/// The cluster commands' HTTP client for one node's admin routes (<c>/api/status</c>), with its bearer token; every
/// failure becomes a <see cref="NodeQueryException"/> that says what to do.
/// </summary>
internal sealed class NodeClient(Uri baseUrl, string? adminToken, TimeSpan timeout) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The node's view of the cluster, from its <c>/api/status</c>.</summary>
    /// <exception cref="NodeQueryException">No answer, an error status, or the server is not a cluster node.</exception>
    public async Task<ClusterView> StatusAsync(CancellationToken cancellationToken)
    {
        var body = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/status"), cancellationToken).ConfigureAwait(false);
        StatusDocument? status;
        try
        {
            status = JsonSerializer.Deserialize<StatusDocument>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new NodeQueryException($"{Url("api/status")} did not answer with an actor-recorder status: {e.Message}", e);
        }
        return status?.Cluster ?? throw new NodeQueryException(
            $"{baseUrl} is not a cluster node: its /api/status has no cluster section. Start serve with --seed, --cluster-port or --cluster-host "
            + "(or actor-recorder.cluster.enabled = on).");
    }

    /// <summary>Asks the node to drain member <paramref name="node"/> (<c>POST /api/cluster/drain</c>) and returns each listener's drain.</summary>
    /// <exception cref="NodeQueryException">No answer, or a refusal (its message in the exception's).</exception>
    public async Task<NodeDrainView> DrainAsync(string node, TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ClusterDrainRoute.Path.TrimStart('/'))
        {
            Content = JsonContent.Create(new { node, timeoutMs = (long)drainTimeout.TotalMilliseconds }),
        };
        var body = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<NodeDrainView>(body, JsonSerializerOptions.Web) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new NodeQueryException($"{Url(ClusterDrainRoute.Path.TrimStart('/'))} did not answer with a drain's result: {e.Message}", e);
        }
    }

    /// <summary>Sends <paramref name="request"/> with the token and returns the body of a 2xx answer.</summary>
    /// <exception cref="NodeQueryException">No answer within the timeout, a 401, or another error status (its body in the message).</exception>
    public async Task<string> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            if (adminToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            var url = Url(request.RequestUri!.OriginalString);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                using var response = await _http.SendAsync(request, deadline.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                    throw new NodeQueryException(adminToken is null
                        ? $"{url} requires an admin token: give --admin-token <token> (or set ACTOR_RECORDER_ADMIN_TOKEN)."
                        : $"{url} refused the admin token given (HTTP 401).");
                if (!response.IsSuccessStatusCode)
                    throw new NodeQueryException($"{url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {ErrorMessage(body)}");
                return body;
            }
            catch (HttpRequestException e)
            {
                throw new NodeQueryException($"could not reach {url}: {e.Message}", e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new NodeQueryException($"{url} gave no answer within {timeout.TotalSeconds:0.###}s.", e);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    // The cluster routes refuse with {"error": "..."}; other answers are shown as they are.
    private static string ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)) return error.GetString() ?? body;
        }
        catch (JsonException)
        {
        }
        return body.Trim();
    }

    private Uri Url(string relative) => new(baseUrl, relative);

    /// <summary>The part of <c>/api/status</c> the cluster commands read.</summary>
    private sealed record StatusDocument(ClusterView? Cluster);
}

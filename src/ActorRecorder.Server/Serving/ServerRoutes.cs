using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActorRecorder.Http;
using ActorRecorder.Server.Har;
using ActorRecorder.Server.Recordings;
using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace ActorRecorder.Server.Serving;

/// <summary>
/// The routes of serve's listener: the status page (<c>/</c>), its snapshot (<c>/api/status</c>) and its live feed of
/// snapshots (<c>/api/status/events</c>, Server-Sent Events from a loop handler), the recorded
/// echo (<c>/ws/echo</c>), a cluster node's drain of another member (<c>POST /api/cluster/drain</c>), the probes (<c>/healthz</c>, <c>/readyz</c>) and the downloads (<c>/recordings/&lt;file&gt;</c>,
/// <c>/recordings/&lt;file&gt;.har</c>). With an admin token, the status page, its snapshot and the downloads need it as a
/// bearer token; the probes and the echo stay open.
/// </summary>
internal static partial class ServerRoutes
{
    private const string HarSuffix = ".har";

    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(ServerRoutes).Assembly.GetManifestResourceStream("ActorRecorder.Server.status.html")
            ?? throw new InvalidOperationException("The status page is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static Routes Create(ServeState state) => new Routes()
        .Map("/", Admin(state, StatusPageAsync), "GET")
        .Map("/api/status", Admin(state, async (s, _, ct) => HttpResponse.Json(await StatusSnapshot.TakeAsync(s, ct).ConfigureAwait(false)).WithHeader("Cache-Control", "no-store")), "GET")
        .Loop("/api/status/events", Props.Create(() => new StatusStream(state)))
        .Map(Clustering.ClusterDrainRoute.Path, Admin(state, Clustering.ClusterDrainRoute.HandleAsync), "POST")
        .Map("/healthz", (request, ct) => HealthAsync(state, ready: false, ct), "GET")
        .Map("/readyz", (request, ct) => HealthAsync(state, ready: true, ct), "GET")
        .Map("/recordings/*file", Admin(state, RecordingAsync), "GET")
        .WebSocket("/ws/echo", Props.Create(() => new EchoSession(state)))
        .Map("/*path", (request, _) =>
        {
            LogNoRoute(state.Log, request.Http.Request.Path.ToUriComponent(), request.Peer?.ToString() ?? "?");
            return Task.FromResult(HttpResponse.Text("Not found.\n", 404));
        }, "GET");

    private static Func<HttpRequestContext, CancellationToken, Task<HttpResponse>> Admin(ServeState state,
        Func<ServeState, HttpRequestContext, CancellationToken, Task<HttpResponse>> handle) =>
        (request, cancellationToken) => Authorized(state, request) ? handle(state, request, cancellationToken)
            : Task.FromResult(HttpResponse.Text(TokenRequired, 401).WithHeader("WWW-Authenticate", "Bearer"));

    /// <summary>The body of a 401.</summary>
    internal const string TokenRequired = "An admin token is required: send it as 'Authorization: Bearer <token>'.\n";

    /// <summary>Whether the request may see the admin routes: there is no admin token, or it carries it as a bearer token.</summary>
    internal static bool Authorized(ServeState state, HttpRequestContext request)
    {
        if (state.Settings.AdminToken is not { } token) return true;
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    private static async Task<HttpResponse> StatusPageAsync(ServeState state, HttpRequestContext request, CancellationToken cancellationToken)
    {
        // The first snapshot is in the page, so it shows the tree before its script has polled once (and without script).
        var snapshot = await StatusSnapshot.TakeAsync(state, cancellationToken).ConfigureAwait(false);
        var json = JsonSerializer.Serialize(snapshot, JsonSerializerOptions.Web).Replace("<", "\\u003c", StringComparison.Ordinal);
        return HttpResponse.Html(Page.Value.Replace("/*SNAPSHOT*/null", json, StringComparison.Ordinal)).WithHeader("Cache-Control", "no-store");
    }

    /// <summary>/healthz (<paramref name="ready"/> false) or /readyz: 200 while listener default accepts, 503 while it drains or is gone.</summary>
    internal static async Task<HttpResponse> HealthAsync(ServeState state, bool ready, CancellationToken cancellationToken)
    {
        var accepting = state.System is { } system
            && await Listeners.Get(system).InfoAsync(ServeSettings.ListenerName, cancellationToken).ConfigureAwait(false) is { Status: ListenerStatus.Accepting };
        if (ready && !state.Ready) accepting = false;
        return accepting ? HttpResponse.Text("ok\n") : HttpResponse.Text(ready ? "not ready\n" : "draining\n", 503);
    }

    private static async Task<HttpResponse> RecordingAsync(ServeState state, HttpRequestContext request, CancellationToken cancellationToken)
    {
        var relative = request.RouteValues.TryGetValue("file", out var value) ? value : "";
        var directory = new RecordingsDirectory(state.Settings.Recordings);
        if (directory.Resolve(relative, out var why) is { } file)
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            return new HttpResponse { ContentType = file.EndsWith(".jsonl", StringComparison.Ordinal) ? "application/x-ndjson" : "application/octet-stream", Body = bytes }
                .WithHeader("Content-Disposition", $"attachment; filename=\"{SafeFileName(file)}\"");
        }
        if (relative.EndsWith(HarSuffix, StringComparison.Ordinal) && directory.Resolve(relative[..^HarSuffix.Length], out _) is { } recording)
        {
            var input = RecordingInput.Open(recording);
            var summary = await Inspection.RecordingInspector.InspectAsync(input, cancellationToken).ConfigureAwait(false);
            var export = new HarExport(HarExport.UnknownUrl, RecordedBy.Server, new Redactor([]));
            var har = new StringWriter();
            await using (har.ConfigureAwait(false))
            {
                await HarWriter.WriteAsync(har, input, summary.FirstTimestamp ?? File.GetLastWriteTimeUtc(recording), export, cancellationToken).ConfigureAwait(false);
                return new HttpResponse { ContentType = "application/json; charset=utf-8", Body = Encoding.UTF8.GetBytes(har.ToString()) }
                    .WithHeader("Content-Disposition", $"attachment; filename=\"{SafeFileName(recording)}.har\"");
            }
        }
        return await NotFound(state, request, why).ConfigureAwait(false);
    }

    /// <summary>404 for /recordings, with a log line saying why.</summary>
    private static Task<HttpResponse> NotFound(ServeState state, HttpRequestContext request, string why)
    {
        LogRefused(state.Log, request.Http.Request.Path.ToUriComponent(), request.Peer?.ToString() ?? "?", why);
        return Task.FromResult(HttpResponse.Text("Not found.\n", 404));
    }

    private static string SafeFileName(string path) => new(Path.GetFileName(path).Where(c => c is >= ' ' and < (char)127 and not '"' and not '\\').ToArray());

    [LoggerMessage(Level = LogLevel.Warning, Message = "404: refused {Path} from {Peer}: {Why}.")]
    private static partial void LogRefused(ILogger logger, string path, string peer, string why);

    // A path Kestrel normalised (/recordings/../x is /x) gets here, and so does a browser's /favicon.ico.
    [LoggerMessage(Level = LogLevel.Information, Message = "404: no route for {Path} from {Peer}.")]
    private static partial void LogNoRoute(ILogger logger, string path, string peer);
}

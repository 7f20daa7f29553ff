using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace ActorRecorder.Http;

/// <summary>
/// Counts the requests Kestrel refuses before the listener's application sees them (408 for headers too slow, 414,
/// 431, a malformed request line or header, 505), which no code of ours runs for. Kestrel reports each on its host's
/// <see cref="DiagnosticListener"/> as <c>Microsoft.AspNetCore.Server.Kestrel.BadRequest</c>, with the connection's
/// features; this listens to that one event of one listener's server. It costs nothing per connection (Kestrel's
/// per-connection metrics would cost about 0.3 KB each). Limits hit while the body is read (413, 408 for a too slow
/// body) reach the application and are counted there.
/// </summary>
internal sealed class KestrelRejections(ListenerState state) : IObserver<KeyValuePair<string, object?>>
{
    private const string BadRequest = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    /// <summary>Starts counting the rejections reported on <paramref name="host"/>; dispose to stop.</summary>
    public static IDisposable Listen(ListenerState state, DiagnosticListener host) =>
        host.Subscribe(new KestrelRejections(state), static (name, _, _) => name == BadRequest);

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != BadRequest || value.Value is not IFeatureCollection features) return;
        if (features.Get<IBadRequestExceptionFeature>()?.Error is not BadHttpRequestException error) return;
        if (features.Get<IHttpResponseFeature>() is { HasStarted: true }) return; // refused mid-response: the application saw it
        if (IsBodyLimit(error)) return; // the dispatcher counted it
        state.CountRejection(error.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>413, and the 408 of a body arriving too slowly: both thrown to the application while it reads the body.</summary>
    private static bool IsBodyLimit(BadHttpRequestException error) =>
        error.StatusCode == StatusCodes.Status413PayloadTooLarge
        || (error.StatusCode == StatusCodes.Status408RequestTimeout && error.Message.Contains("body", StringComparison.OrdinalIgnoreCase));

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}

using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Http;

/// <summary>
/// The baselines: bare Kestrel apps (WebApplication.CreateSlimBuilder, logging cleared, 127.0.0.1 on a port the system
/// chooses) with the least code that gives the same answers as the listeners, and no Server header, as the listeners.
/// </summary>
public sealed class RawKestrel : IDisposable
{
    private static readonly byte[] Hello = "hello"u8.ToArray();
    private readonly WebApplication _app;

    private RawKestrel(WebApplication app)
    {
        _app = app;
        BenchSystem.Await(app.StartAsync());
        Port = new Uri(app.Urls.First()).Port;
    }

    public int Port { get; }

    public Uri Url(string scheme, string path) => new($"{scheme}://127.0.0.1:{Port}{path}");

    /// <summary>"hello" as text/plain on GET /hello, written as the listener writes an <c>HttpResponse.Text</c>.</summary>
    public static RawKestrel HelloApp()
    {
        var app = Build();
        app.Run(http =>
        {
            if (!HttpMethods.IsGet(http.Request.Method) || http.Request.Path != "/hello")
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            http.Response.ContentType = "text/plain; charset=utf-8";
            http.Response.ContentLength = Hello.Length;
            return http.Response.Body.WriteAsync(Hello, http.RequestAborted).AsTask();
        });
        return new RawKestrel(app);
    }

    /// <summary>app.UseWebSockets() and a loop on /ws/echo that sends each message back.</summary>
    public static RawKestrel EchoApp()
    {
        var app = Build();
        app.UseWebSockets();
        app.Run(async http =>
        {
            if (http.Request.Path != "/ws/echo" || !http.WebSockets.IsWebSocketRequest)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await EchoAsync(socket, http.RequestAborted);
        });
        return new RawKestrel(app);
    }

    private static async Task EchoAsync(WebSocket socket, CancellationToken aborted)
    {
        // The listener reads into a 16 KiB buffer too.
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), aborted);
                    count += result.Count;
                } while (!result.EndOfMessage && count < buffer.Length);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", aborted);
                    return;
                }
                if (!result.EndOfMessage)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "", aborted);
                    return;
                }
                await socket.SendAsync(buffer.AsMemory(0, count), result.MessageType, endOfMessage: true, aborted);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away or the app is stopping.
        }
    }

    private static WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        return builder.Build();
    }

    public void Dispose()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        BenchSystem.Await(_app.StopAsync(timeout.Token));
        BenchSystem.Await(_app.DisposeAsync().AsTask());
    }
}

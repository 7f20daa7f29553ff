using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorRecorder.Http;

/// <summary>
/// One listener's Kestrel server: roadrunner's options as Kestrel's limits, a connection middleware that counts
/// connections and refuses those over max-clients, the request dispatcher as the only application, and a listener on
/// Kestrel's diagnostic events that counts the requests Kestrel itself refuses (<see cref="KestrelRejections"/>).
/// </summary>
internal sealed class ListenerServer : IAsyncDisposable
{
    private readonly ListenerState _state;
    private readonly WebApplication _app;
    private readonly IDisposable _rejections;

    public ListenerServer(ListenerState state, IActorRef listener)
    {
        _state = state;
        var options = state.Options;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseSockets(sockets => sockets.Backlog = options.SocketBacklog);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            var limits = kestrel.Limits;
            limits.RequestHeadersTimeout = options.RequestTimeout;
            limits.KeepAliveTimeout = options.KeepAliveTimeout;
            limits.MaxRequestBodySize = options.MaxContentLength;
            limits.MaxRequestLineSize = options.MaxRequestLineSize;
            limits.MaxRequestHeadersTotalSize = options.MaxHeaderBlockSize;
            limits.MaxRequestHeaderCount = options.MaxHeaderCount;
            limits.MinRequestBodyDataRate = options.MinBytesPerSecond == 0 ? null : new MinDataRate(options.MinBytesPerSecond, TimeSpan.FromSeconds(5));
            // A restarted listener binds the port it had, also when the system chose it.
            var port = state.Endpoint?.Port ?? options.Port;
            kestrel.Listen(options.Address, port, listen =>
            {
                listen.Protocols = options.Protocols switch
                {
                    ListenerProtocols.Http2 => HttpProtocols.Http2,
                    ListenerProtocols.Http1AndHttp2 => HttpProtocols.Http1AndHttp2,
                    _ => HttpProtocols.Http1,
                };
                listen.Use(next => connection => Connections.ServeAsync(state, connection, next));
                if (options.Tls is { } tls)
                {
                    var certificate = TlsCertificates.Load(state.Name, tls);
                    listen.UseHttps(https =>
                    {
                        https.ServerCertificate = certificate;
                        https.SslProtocols = tls.Protocols;
                    });
                }
            });
        });
        Middleware.AddServices(builder.Services, state);
        _app = builder.Build();
        Middleware.Use(_app, state);
        _app.Use((http, next) => FrameLimitStream.UpgradeThroughAsync(http, next, state.Options.MaxFrameSize));
        _app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var dispatcher = new RequestDispatcher(state, listener);
        _app.Run(dispatcher.HandleAsync);
        _rejections = KestrelRejections.Listen(state, _app.Services.GetRequiredService<System.Diagnostics.DiagnosticListener>());
    }

    /// <summary>Binds and starts serving; returns the bound endpoint. Throws <see cref="ListenerBindException"/> when the address cannot be had.</summary>
    public IPEndPoint Start()
    {
        var options = _state.Options;
        try
        {
            _app.StartAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            throw new ListenerBindException(_state.Name, $"{options.Address}:{options.Port}", BindReason(e), e);
        }
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IPEndPoint(options.Address, new Uri(address).Port);
    }

    /// <summary>
    /// Kestrel's graceful stop, which a drain is built on: it stops taking connections at once, closes each HTTP/1.1
    /// connection after its in-flight request (that response says <c>Connection: close</c>), sends HTTP/2 connections
    /// GOAWAY and lets their open streams finish, and leaves upgraded (WebSocket) connections to their sessions. When
    /// <paramref name="abort"/> is cancelled it aborts what is left. Completes when no connection is left.
    /// </summary>
    public Task StopGracefullyAsync(CancellationToken abort) => _app.Services.GetRequiredService<IServer>().StopAsync(abort);

    /// <summary>Stops taking connections and closes the open ones, waiting at most <paramref name="grace"/>.</summary>
    public void Stop(TimeSpan grace)
    {
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            _app.StopAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Kestrel has aborted what was left.
        }
    }

    public ValueTask DisposeAsync()
    {
        _rejections.Dispose();
        return _app.DisposeAsync();
    }

    private static string BindReason(Exception error)
    {
        Exception? cause = error;
        while (cause is not null and not SocketException) cause = cause.InnerException;
        return (cause as SocketException)?.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => "the port is already in use",
            SocketError.AccessDenied => "binding that port is not permitted",
            SocketError.AddressNotAvailable => "the address is not one of this host's",
            _ => error.Message.TrimEnd('.'),
        };
    }
}

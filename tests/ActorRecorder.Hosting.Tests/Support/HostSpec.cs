using System.Net.WebSockets;
using System.Text;
using ActorRecorder.Http;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Hosting.Tests.Support;

/// <summary>
/// A spec that runs real generic hosts (Microsoft.Extensions.Hosting) with ActorRecorder in them, each with its own
/// actor system, its log captured and echoed to the test output; every wait is bounded.
/// </summary>
public abstract class HostSpec(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Every wait in the specs is bounded by this.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly List<IHost> _hosts = [];

    /// <summary>What the hosts logged, Akka's log included.</summary>
    protected LogCapture Log { get; } = new(output);

    /// <summary>A host with an actor system configured by <paramref name="configure"/>, built but not started.</summary>
    protected IHost BuildHost(Action<AkkaConfigurationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddProvider(Log).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddActorRecorder($"hosting-{Guid.NewGuid():N}", configure);
        var host = builder.Build();
        _hosts.Add(host);
        return host;
    }

    /// <summary>A host built as <see cref="BuildHost"/> does, and started.</summary>
    protected async Task<IHost> StartHostAsync(Action<AkkaConfigurationBuilder> configure)
    {
        var host = BuildHost(configure);
        await host.StartAsync().WaitAsync(Patience);
        return host;
    }

    protected static ActorSystem SystemOf(IHost host) => host.Services.GetRequiredService<ActorSystem>();

    protected static Listeners ListenersOf(IHost host) => host.Services.GetRequiredService<Listeners>();

    /// <summary>The port listener <paramref name="name"/> of <paramref name="host"/> is bound to, from the injected <see cref="Listeners"/>.</summary>
    protected static async Task<int> PortOfAsync(IHost host, string name)
    {
        var info = await ListenersOf(host).InfoAsync(name).WaitAsync(Patience);
        return Assert.IsType<ListenerInfo>(info).Port;
    }

    protected static HttpClient Client(int port) => new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };

    protected static async Task<ClientWebSocket> ConnectAsync(int port, string path)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}{path}"), timeout.Token);
        return socket;
    }

    protected static async Task SendTextAsync(ClientWebSocket socket, string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next whole text message; null when the server closed instead (the close is then answered).</summary>
    protected static async Task<string?> ReceiveTextAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Stops what a spec left running, so that no actor system outlives its spec.</summary>
    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            // A host whose start failed has nothing to stop (and its StopAsync would throw): it is only disposed.
            if (host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested)
                await host.StopAsync().WaitAsync(Patience);
            host.Dispose();
        }
    }
}

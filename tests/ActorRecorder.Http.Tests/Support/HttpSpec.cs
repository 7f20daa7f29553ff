using System.Net.WebSockets;
using ActorRecorder.Testing;
using Akka.Configuration;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Support;

/// <summary>A spec with an actor system, its <see cref="Listeners"/>, and clients on loopback with bounded timeouts.</summary>
public abstract class HttpSpec(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString(SpecConfig.Text), output: output)
{
    /// <summary>Every network wait in the specs is bounded by this.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected Listeners Listeners => Http.Listeners.Get(Sys);

    /// <summary>Starts a listener on an ephemeral loopback port.</summary>
    protected Task<ListenerInfo> StartAsync(string name, Routes routes, Func<ListenerOptions, ListenerOptions>? configure = null)
    {
        var options = new ListenerOptions { Port = 0, Routes = routes };
        return Listeners.StartAsync(name, configure?.Invoke(options) ?? options);
    }

    protected static HttpClient Client(ListenerInfo listener) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{listener.Port}"), Timeout = Patience };

    /// <summary>A raw TCP connection to the listener, for requests a well-behaved client would not send.</summary>
    protected static Task<RawHttp> RawAsync(ListenerInfo listener) => RawHttp.ConnectAsync(listener.Port, Patience);

    protected static async Task<ClientWebSocket> ConnectAsync(ListenerInfo listener, string path)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{listener.Port}{path}"), timeout.Token);
        return socket;
    }

    protected static async Task SendTextAsync(ClientWebSocket socket, string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next whole message, or the close (its type is Close, with the socket's close status).</summary>
    protected static async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        var total = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return (WebSocketMessageType.Close, socket.CloseStatusDescription ?? "");
            total.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return (result.MessageType, System.Text.Encoding.UTF8.GetString(total.ToArray()));
        }
    }
}

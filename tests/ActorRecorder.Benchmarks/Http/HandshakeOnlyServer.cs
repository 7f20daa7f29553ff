using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ActorRecorder.Benchmarks.Http;

/// <summary>
/// A WebSocket "server" that keeps nothing: on 127.0.0.1 it answers each upgrade with 101 and the RFC 6455
/// Sec-WebSocket-Accept, then closes its end. A client that sends nothing more does not notice, so the heap
/// grows by the client sockets alone: what <see cref="IdleSessionBenchmark"/> subtracts.
/// </summary>
public sealed class HandshakeOnlyServer : IDisposable
{
    private const string Rfc6455Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _handshakes;

    public HandshakeOnlyServer()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1024);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Handshakes answered and closed.</summary>
    public int Handshakes => Volatile.Read(ref _handshakes);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptAsync(_stop.Token);
                _ = HandshakeAsync(socket);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    }

    private async Task HandshakeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                using var timeout = new CancellationTokenSource(LoadGenerator.Patience);
                var buffer = new byte[8 * 1024];
                var count = 0;
                while (buffer.AsSpan(0, count).IndexOf("\r\n\r\n"u8) < 0)
                {
                    var read = count < buffer.Length ? await socket.ReceiveAsync(buffer.AsMemory(count), SocketFlags.None, timeout.Token) : 0;
                    if (read == 0) return;
                    count += read;
                }
                var key = Encoding.ASCII.GetString(buffer, 0, count).Split("\r\n")
                    .First(line => line.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();
#pragma warning disable CA5350 // RFC 6455 defines the accept value with SHA-1; it is no security measure here.
                var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + Rfc6455Guid)));
#pragma warning restore CA5350
                var response = $"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: {accept}\r\n\r\n";
                await socket.SendAsync(Encoding.ASCII.GetBytes(response), SocketFlags.None, timeout.Token);
                // The whole request was read, so closing sends FIN, not RST: the client keeps the 101 it has been sent.
                socket.Shutdown(SocketShutdown.Both);
                Interlocked.Increment(ref _handshakes);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // The client's connect fails on its own timeout and says so.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        _accepting.Wait(LoadGenerator.Patience);
        _stop.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Http;

/// <summary>
/// The suite's load, generated in process on loopback: concurrent keep-alive HTTP/1.1 loops, and WebSocket
/// ping-pong with one message in flight per connection. A run does a fixed number of operations; connections
/// are opened before the clock starts and closed after it stops, so a run times the operations only.
/// </summary>
public static class LoadGenerator
{
    /// <summary>Bounds every connect, request and close; a whole run is bounded by <see cref="RunLimit"/>.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    /// <summary><paramref name="requests"/> GETs of <paramref name="url"/> from <paramref name="connections"/> loops over as many keep-alive connections; requests/s.</summary>
    public static double Requests(Uri url, int connections, int requests, string expected)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { Timeout = Patience };
        // One request per loop at once: opens the connections before the clock starts.
        BenchSystem.Await(Task.WhenAll(Enumerable.Range(0, connections).Select(_ => GetAsync(client, url, expected))));
        var remaining = new Countdown(requests);
        var start = Stopwatch.GetTimestamp();
        BenchSystem.Await(Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (remaining.Take()) await GetAsync(client, url, expected);
        }))).WaitAsync(RunLimit));
        return Measure.PerSecond(requests, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>
    /// <paramref name="messages"/> text messages of <paramref name="size"/> bytes echoed over <paramref name="connections"/>
    /// WebSockets, each sending the next once the last came back; messages/s (round trips).
    /// </summary>
    public static double Echo(Uri url, int connections, int messages, int size)
    {
        var sockets = Connect(url, connections);
        try
        {
            var payload = Encoding.UTF8.GetBytes(new string('x', size));
            var remaining = new Countdown(messages);
            using var limit = new CancellationTokenSource(RunLimit);
            var start = Stopwatch.GetTimestamp();
            BenchSystem.Await(Task.WhenAll(sockets.Select(s => Task.Run(() => PingPongAsync(s, payload, remaining, limit.Token)))));
            return Measure.PerSecond(messages, Stopwatch.GetElapsedTime(start));
        }
        finally
        {
            Close(sockets);
        }
    }

    /// <summary>Opens <paramref name="count"/> WebSockets to <paramref name="url"/>, at most 32 handshakes at a time (the accept backlog stays short).</summary>
    public static ClientWebSocket[] Connect(Uri url, int count)
    {
        var sockets = new ClientWebSocket[count];
        try
        {
            BenchSystem.Await(Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
                sockets[i] = await ConnectAsync(url)));
        }
        catch
        {
            Close(sockets);
            throw;
        }
        return sockets;
    }

    /// <summary>Waits, at most <see cref="Patience"/>, until <paramref name="allOpen"/>: the server's side counts every session opened.</summary>
    public static void WaitForSessions(Func<bool> allOpen)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!allOpen())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The sessions did not all open on the server's side.");
            Thread.Sleep(10);
        }
    }

    /// <summary>Closes the sockets with the closing handshake, each within <see cref="Patience"/>, and disposes them.</summary>
    public static void Close(IEnumerable<ClientWebSocket?> sockets) =>
        BenchSystem.Await(Task.WhenAll(sockets.OfType<ClientWebSocket>().Select(CloseAsync)));

    private static async Task<ClientWebSocket> ConnectAsync(Uri url)
    {
        var socket = new ClientWebSocket();
        // No keep-alive pings: an idle session stays idle, and a run carries only its messages.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            await socket.ConnectAsync(url, timeout.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            if (socket.State == WebSocketState.Open) await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // Gone already, or too slow to answer: disposing aborts it.
        }
        finally
        {
            socket.Dispose();
        }
    }

    private static async Task PingPongAsync(ClientWebSocket socket, byte[] payload, Countdown remaining, CancellationToken limit)
    {
        var buffer = new byte[4 * 1024];
        while (remaining.Take())
        {
            await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, limit);
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(count), limit);
                count += result.Count;
            } while (!result.EndOfMessage && count < buffer.Length);
            if (result.MessageType != WebSocketMessageType.Text || count != payload.Length)
                throw new InvalidOperationException($"Expected the {payload.Length}-byte text message back, got {result.MessageType} of {count} bytes ({socket.CloseStatus} {socket.CloseStatusDescription}).");
        }
    }

    private static async Task GetAsync(HttpClient client, Uri url, string expected)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        if (body != expected) throw new InvalidOperationException($"Expected '{expected}' from {url}, got '{body}'.");
    }

    /// <summary>Operations left in a run, shared by its loops.</summary>
    private sealed class Countdown(int count)
    {
        private int _left = count;

        public bool Take() => Interlocked.Decrement(ref _left) >= 0;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorRecorder.Http.Tests.Support;

/// <summary>A response as read off the wire: the status line, the headers (repeated ones joined with ", ") and the body.</summary>
public sealed record RawResponse(int Status, string Reason, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The header's value, or null when the response has none.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether the server said it closes the connection after this response.</summary>
    public bool Closes => string.Equals(Header("Connection"), "close", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// One HTTP/1.1 connection on a raw <see cref="TcpClient"/> to 127.0.0.1: a spec writes the bytes itself (malformed,
/// oversized or slow as it likes) and reads the responses back. Every read and write is bounded by the patience
/// given; a reset from the server counts as the connection closed.
/// </summary>
public sealed class RawHttp : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly TimeSpan _patience;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _closed;

    private RawHttp(TcpClient tcp, TimeSpan patience)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _patience = patience;
    }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<RawHttp> ConnectAsync(int port, TimeSpan patience)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(patience);
            await tcp.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return new RawHttp(tcp, patience);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether a new connection to 127.0.0.1:<paramref name="port"/> is refused (nothing listens there any more) or closed
    /// by the server without a byte sent to it: reset while connecting (the server's reset can overtake the connect's completion), or closed or reset right after.
    /// False when the server answers a GET instead. Throws <see cref="TimeoutException"/> when it does neither in time.
    /// </summary>
    public static async Task<bool> RefusedAsync(int port, TimeSpan patience)
    {
        RawHttp raw;
        try
        {
            raw = await ConnectAsync(port, patience);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            return true;
        }
        using (raw)
        {
            // The request may or may not get there before the server closes: a failed send is a closed connection too.
            return !await raw.TrySendAsync(Get("/")) || await raw.ClosedAsync();
        }
    }

    /// <summary>A GET of <paramref name="target"/> with only a Host header, as bytes to send.</summary>
    public static string Get(string target) => $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    /// <summary>Sends <paramref name="text"/> (ASCII) and flushes it.</summary>
    public Task SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>Sends <paramref name="bytes"/>; throws when the server closed the connection.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        using var timeout = new CancellationTokenSource(_patience);
        await _stream.WriteAsync(bytes, timeout.Token);
        await _stream.FlushAsync(timeout.Token);
    }

    /// <summary>Sends <paramref name="text"/>; false when the server has closed (or reset) the connection meanwhile.</summary>
    public async Task<bool> TrySendAsync(string text)
    {
        try
        {
            await SendAsync(text);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>
    /// The next response (status line, headers, and the body by Content-Length or chunked); null when the server closed
    /// the connection before the first byte of it. Throws <see cref="TimeoutException"/> when nothing decisive came in time.
    /// </summary>
    public async Task<RawResponse?> ReadResponseAsync()
    {
        using var timeout = new CancellationTokenSource(_patience);
        var statusLine = await ReadLineAsync(timeout.Token);
        if (statusLine is null) return null;
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal))
            throw new InvalidDataException($"Not an HTTP/1.x status line: '{statusLine}'.");
        var status = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await ReadLineAsync(timeout.Token) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var before) ? $"{before}, {value}" : value;
        }
        var body = new MemoryStream();
        if (headers.TryGetValue("Content-Length", out var length))
        {
            await ReadExactlyAsync(body, long.Parse(length, CultureInfo.InvariantCulture), timeout.Token);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                var size = await ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The connection closed inside a chunked body.");
                var chunk = long.Parse(size.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (chunk == 0)
                {
                    while (await ReadLineAsync(timeout.Token) is { Length: > 0 }) { } // trailers
                    break;
                }
                await ReadExactlyAsync(body, chunk, timeout.Token);
                await ReadLineAsync(timeout.Token);
            }
        }
        return new RawResponse(status, parts.Length > 2 ? parts[2] : "", headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>
    /// Waits for the server to close the connection (end of stream or reset): true when it did with no byte more,
    /// false when it sent something instead. Throws <see cref="TimeoutException"/> when it did neither in time.
    /// </summary>
    public async Task<bool> ClosedAsync()
    {
        using var timeout = new CancellationTokenSource(_patience);
        if (_start < _end) return false;
        return !await FillAsync(timeout.Token);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }

    /// <summary>Reads more bytes into the buffer; false at the end of the stream or on a reset.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_closed) return false;
        if (_start == _end) _start = _end = 0;
        if (_end == _buffer.Length)
        {
            if (_start == 0) throw new InvalidDataException($"A response line is longer than {_buffer.Length} bytes.");
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Nothing came from the server within {_patience.TotalSeconds} s.");
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted })
        {
            read = 0;
        }
        if (read == 0)
        {
            _closed = true;
            return false;
        }
        _end += read;
        return true;
    }

    /// <summary>The next CRLF-terminated line without its CRLF; null when the stream ended before any byte of it.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                _start = newline + 1;
                return line;
            }
            if (!await FillAsync(cancellationToken))
            {
                if (_start == _end) return null;
                throw new EndOfStreamException($"The connection closed inside a line: '{Encoding.ASCII.GetString(_buffer, _start, _end - _start)}'.");
            }
        }
    }

    private async Task ReadExactlyAsync(MemoryStream into, long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
                throw new EndOfStreamException($"The connection closed with {count} body bytes still to come.");
            var take = (int)Math.Min(count, _end - _start);
            into.Write(_buffer, _start, take);
            _start += take;
            count -= take;
        }
    }
}

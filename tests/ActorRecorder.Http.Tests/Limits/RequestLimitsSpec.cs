using System.Diagnostics;
using System.Globalization;
using ActorRecorder.Http.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Limits;

/// <summary>
/// roadrunner's request limits as Kestrel enforces them, each hit by a raw client that writes the bytes itself:
/// what comes back (the status, and the connection closed after it), that the request is counted as rejected
/// once, and that the listener keeps serving.
/// </summary>
public sealed class RequestLimitsSpec(ITestOutputHelper output) : HttpSpec(output)
{
    /// <summary>GET /hello answers "hello"; POST /upload reads the whole body and answers it back.</summary>
    private static Routes Routes() => new Routes()
        .Map("/hello", (_, _) => Task.FromResult(HttpResponse.Text("hello")), "GET")
        .Map("/upload", async (request, cancellationToken) => HttpResponse.Text(await request.ReadBodyAsStringAsync(cancellationToken)), "POST")
        .Map("/framing", async (request, cancellationToken) => HttpResponse.Text(string.Join('|',
            await request.ReadBodyAsStringAsync(cancellationToken),
            request.Headers.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "no content-length",
            request.Headers["X-Content-Length"].ToString())), "POST");

    private static string Post(string headers, string body = "") =>
        $"POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}\r\n{body}";

    private static string Chunk(string data) => $"{data.Length.ToString("x", CultureInfo.InvariantCulture)}\r\n{data}\r\n";

    /// <summary>Sends <paramref name="request"/> on a new connection and returns the answer, after which the server has closed the connection.</summary>
    private static async Task<RawResponse> RefusedAsync(ListenerInfo info, string request)
    {
        using var raw = await RawAsync(info);
        await raw.SendAsync(request);
        var response = await raw.ReadResponseAsync();
        Assert.NotNull(response);
        Assert.True(response.Closes, $"{response.Status} comes with Connection: close");
        Assert.True(await raw.ClosedAsync(), $"the connection is closed after {response.Status}");
        return response;
    }

    private static async Task<RawResponse> ServedAsync(ListenerInfo info, string request)
    {
        using var raw = await RawAsync(info);
        await raw.SendAsync(request);
        var response = await raw.ReadResponseAsync();
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        return response;
    }

    /// <summary>
    /// Rejected reaches <paramref name="expected"/>: a request Kestrel refuses before the application is counted when
    /// Kestrel ends its connection, just after the client saw the answer, hence the bounded wait.
    /// </summary>
    private Task AssertRejectedAsync(long expected) =>
        AwaitAssertAsync(async () => Assert.Equal(expected, (await Listeners.InfoAsync("web"))!.Rejected), Patience);

    [Fact]
    public async Task A_header_block_still_coming_after_the_request_timeout_gets_408_and_the_connection_is_closed()
    {
        var info = await StartAsync("web", Routes(), o => o with { RequestTimeout = TimeSpan.FromSeconds(1) });
        using (var raw = await RawAsync(info))
        {
            var clock = Stopwatch.StartNew();
            await raw.SendAsync("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            var answer = raw.ReadResponseAsync();
            // A header line every 50 ms: the client never goes quiet, but the block as a whole takes too long.
            for (var i = 0; i < 80 && !answer.IsCompleted; i++)
            {
                await Task.Delay(50);
                if (!await raw.TrySendAsync($"X-Slow-{i}: {i}\r\n")) break;
            }
            var response = await answer;
            var elapsed = clock.Elapsed;
            Assert.NotNull(response);
            Assert.Equal(408, response.Status);
            Assert.True(response.Closes, "Kestrel says Connection: close with its 408");
            Assert.True(await raw.ClosedAsync());
            // Kestrel checks its timeouts once a second: the deadline is at least the timeout, at most a second more.
            Assert.InRange(elapsed, TimeSpan.FromSeconds(0.9), Patience);
        }
        await AssertRejectedAsync(1);
        using var client = Client(info);
        Assert.Equal("hello", await client.GetStringAsync("/hello"));
    }

    [Fact]
    public async Task A_body_declared_longer_than_max_content_length_gets_413_and_one_at_the_limit_is_served()
    {
        var info = await StartAsync("web", Routes(), o => o with { MaxContentLength = 1024 });
        var body = new string('a', 1024);
        Assert.Equal(body, (await ServedAsync(info, Post("Content-Length: 1024\r\n", body))).Body);
        // Only the headers: the declared length alone is over the limit, the body is never sent. Kestrel throws
        // when the handler starts reading the body; the dispatcher answers 413 and counts it.
        Assert.Equal(413, (await RefusedAsync(info, Post("Content-Length: 1025\r\n"))).Status);
        Assert.Equal(1, (await Listeners.InfoAsync("web"))!.Rejected);
    }

    [Fact]
    public async Task A_chunked_body_that_grows_past_max_content_length_gets_413()
    {
        var info = await StartAsync("web", Routes(), o => o with { MaxContentLength = 1024 });
        using (var raw = await RawAsync(info))
        {
            await raw.SendAsync(Post("Transfer-Encoding: chunked\r\n"));
            var answer = raw.ReadResponseAsync();
            // 512 bytes a chunk and no last chunk: the third takes the body over the limit, Kestrel answers then.
            var sent = 0;
            for (; sent < 8 && !answer.IsCompleted; sent++)
            {
                if (!await raw.TrySendAsync(Chunk(new string((char)('a' + sent), 512)))) break;
            }
            var response = await answer;
            Assert.NotNull(response);
            Assert.Equal(413, response.Status);
            Assert.True(response.Closes);
            Assert.True(await raw.ClosedAsync());
        }
        Assert.Equal(1, (await Listeners.InfoAsync("web"))!.Rejected);
        Assert.Equal("small", (await ServedAsync(info, Post("Transfer-Encoding: chunked\r\n", Chunk("small") + "0\r\n\r\n"))).Body);
    }

    [Fact]
    public async Task A_request_line_longer_than_max_request_line_size_gets_414()
    {
        var info = await StartAsync("web", Routes(), o => o with { MaxRequestLineSize = 256 });
        // "GET /hello?q=… HTTP/1.1\r\n": 230 bytes are served, 330 are refused by Kestrel before the application.
        await ServedAsync(info, RawHttp.Get("/hello?q=" + new string('q', 200)));
        Assert.Equal(414, (await RefusedAsync(info, RawHttp.Get("/hello?q=" + new string('q', 300)))).Status);
        await AssertRejectedAsync(1);
    }

    [Fact]
    public async Task A_header_block_larger_than_max_header_block_size_gets_431()
    {
        var info = await StartAsync("web", Routes(), o => o with { MaxHeaderBlockSize = 1024 });
        static string WithBigHeader(int size) => $"GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {new string('b', size)}\r\n\r\n";
        await ServedAsync(info, WithBigHeader(900));
        Assert.Equal(431, (await RefusedAsync(info, WithBigHeader(1100))).Status);
        await AssertRejectedAsync(1);
    }

    [Fact]
    public async Task A_header_line_longer_than_max_header_line_size_gets_431_within_the_block_limit()
    {
        var info = await StartAsync("web", Routes(), o => o with { MaxHeaderLineSize = 100 });
        static string WithLine(int valueLength) => $"GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Line: {new string('l', valueLength)}\r\n\r\n";
        await ServedAsync(info, WithLine(92)); // "X-Line: " and 92 bytes: exactly 100
        Assert.Equal(431, (await RefusedAsync(info, WithLine(93))).Status);
        await AssertRejectedAsync(1);
    }

    [Fact]
    public async Task More_headers_than_max_header_count_get_431_and_exactly_as_many_are_served()
    {
        var info = await StartAsync("web", Routes(), o => o with { MaxHeaderCount = 5 });
        static string WithHeaders(int count) =>
            "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n" + string.Concat(Enumerable.Range(1, count - 1).Select(i => $"X-H{i}: {i}\r\n")) + "\r\n";
        await ServedAsync(info, WithHeaders(5)); // Host counts too
        Assert.Equal(431, (await RefusedAsync(info, WithHeaders(6))).Status);
        await AssertRejectedAsync(1);
    }

    [Fact]
    public async Task Each_request_Kestrel_or_the_dispatcher_refuses_is_counted_once_and_served_ones_are_not()
    {
        var info = await StartAsync("web", Routes(), o => o with { MaxRequestLineSize = 256, MaxHeaderCount = 5, MaxContentLength = 16 });
        await ServedAsync(info, RawHttp.Get("/hello"));
        Assert.Equal(414, (await RefusedAsync(info, RawHttp.Get("/" + new string('x', 300)))).Status);
        await AssertRejectedAsync(1);
        Assert.Equal(400, (await RefusedAsync(info, "NOT AN HTTP REQUEST LINE\r\n\r\n")).Status);
        await AssertRejectedAsync(2);
        // 413 is raised in the handler's body read and counted by the dispatcher, not a second time from Kestrel's end of the connection.
        Assert.Equal(413, (await RefusedAsync(info, Post("Content-Length: 17\r\n"))).Status);
        await AssertRejectedAsync(3);
        Assert.Equal(431, (await RefusedAsync(info, "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n")).Status);
        await AssertRejectedAsync(4);
        await ServedAsync(info, RawHttp.Get("/hello"));
        var stats = (await Listeners.InfoAsync("web"))!;
        Assert.Equal(4, stats.Rejected);
        Assert.Equal(3, stats.RequestsServed); // the two served, and the 413 the dispatcher answered
    }

    [Fact]
    public async Task Content_length_with_chunked_transfer_encoding_gets_400_and_the_connection_is_closed()
    {
        // A body framed two ways is how requests are smuggled past a front end that believes the other framing.
        // roadrunner answers 400; RFC 9112 §6.3 allows it, and requires the connection to close after the response.
        var info = await StartAsync("web", Routes());
        using var raw = await RawAsync(info);
        await raw.SendAsync("POST /framing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Chunk("hello") + "0\r\n\r\n" + RawHttp.Get("/hello"));
        var response = await raw.ReadResponseAsync();
        Assert.NotNull(response);
        Assert.Equal(400, response.Status);
        Assert.True(response.Closes);
        Assert.True(await raw.ClosedAsync(), "the pipelined GET gets no answer: the connection closes after the 400");
        Assert.Equal(1, (await Listeners.InfoAsync("web"))!.Rejected);
    }

    [Fact]
    public async Task A_body_trickled_slower_than_min_bytes_per_second_is_cut_off_with_408_and_the_listener_keeps_serving()
    {
        var info = await StartAsync("web", Routes(), o => o with { MinBytesPerSecond = 1000 });
        using (var raw = await RawAsync(info))
        {
            await raw.SendAsync(Post("Content-Length: 100000\r\n"));
            var clock = Stopwatch.StartNew();
            var answer = raw.ReadResponseAsync();
            // 10 bytes every 50 ms, 200 B/s at best: under the minimum once Kestrel's 5 s grace is over.
            for (var step = 0; step < 400 && !answer.IsCompleted; step++)
            {
                await Task.Delay(50);
                if (!await raw.TrySendAsync("0123456789")) break;
            }
            var response = await answer;
            var elapsed = clock.Elapsed;
            Assert.NotNull(response);
            Assert.Equal(408, response.Status);
            Assert.True(response.Closes);
            Assert.True(await raw.ClosedAsync());
            // Not before the grace period (5 s, less the heartbeat's second of slack), well before the patience.
            Assert.InRange(elapsed, TimeSpan.FromSeconds(4), Patience);
        }
        Assert.Equal(1, (await Listeners.InfoAsync("web"))!.Rejected);
        using var client = Client(info);
        Assert.Equal("hello", await client.GetStringAsync("/hello"));
    }
}

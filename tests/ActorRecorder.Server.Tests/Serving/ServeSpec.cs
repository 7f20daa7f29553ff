using System.Net;
using System.Net.WebSockets;
using System.Text;
using ActorRecorder.Recording;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Tests.Support;
using ActorRecorder.Testing;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Server.Tests.Serving;

/// <summary><c>actor-recorder serve</c> as a process on an ephemeral loopback port, recording into a temporary directory.</summary>
public sealed class ServeSpec(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Recordings => Path.Combine(_directory.Path, "recordings");

    [Fact]
    public async Task The_status_page_its_snapshot_and_the_probes_answer()
    {
        using var server = ServerProcess.Start(output, "--port", "0", "--recordings", Recordings);
        var (address, port) = await server.ListeningAsync();
        Assert.Equal("127.0.0.1", address);
        await server.PrintedAsync($"recordings in {Recordings}");
        using var http = Client(port);

        var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        foreach (var name in new[] { "\"root\"", "\"listeners\"", "\"recorders\"", "\"default\"", "Supervision tree" })
            Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal); // no external assets

        var snapshot = JObject.Parse(await http.GetStringAsync("/api/status"));
        var listener = Assert.Single((JArray)snapshot["listeners"]!);
        Assert.Equal("default", (string?)listener["name"]);
        Assert.Equal("Accepting", (string?)listener["status"]);
        var tree = snapshot["tree"]!;
        Assert.Equal("root", (string?)tree["name"]);
        Assert.Equal(["listeners", "recorders"], tree["children"]!.Select(c => (string)c["name"]!));
        Assert.All(tree["children"]!, c => Assert.Equal(0, (int)c["restarts"]!)); // the OTP supervisor's count per child
        var defaultNode = Assert.Single(tree["children"]![0]!["children"]!);
        Assert.Equal("default", (string?)defaultNode["name"]);
        Assert.Equal("listener", (string?)defaultNode["kind"]);
        Assert.Equal(0, (int)defaultNode["restarts"]!);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task The_live_feed_streams_snapshots_as_server_sent_events_and_shows_a_new_session()
    {
        using var server = ServerProcess.Start(output, "--port", "0", "--recordings", Recordings);
        var (_, port) = await server.ListeningAsync();
        using var http = Client(port);
        using var response = await http.GetAsync("/api/status/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var feed = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await NextSnapshotAsync(feed);
        Assert.Equal("default", (string?)Assert.Single((JArray)first["listeners"]!)["name"]);
        Assert.Empty((JArray)first["sessions"]!);

        // A session opened now shows in a later event: the page needs no reload.
        using var socket = await ConnectAsync(port);
        await SendAsync(socket, "hello");
        Assert.Equal("hello", await ReceiveTextAsync(socket));
        var events = 1;
        while (((JArray)(await NextSnapshotAsync(feed))["sessions"]!).Count == 0)
            Assert.True(++events < 30, "30 snapshots (one a second) went by without the open session.");
    }

    /// <summary>The next <c>event: status</c> of the feed, its data parsed.</summary>
    private static async Task<JObject> NextSnapshotAsync(StreamReader feed)
    {
        using var timeout = new CancellationTokenSource(ServerProcess.Patience);
        string? eventName = null;
        while (await feed.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) eventName = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "status") return JObject.Parse(line["data: ".Length..]);
        }
        throw new EndOfStreamException("The live feed ended.");
    }

    [Fact]
    public async Task An_echo_session_is_recorded_inspected_downloaded_as_jsonl_and_har_and_replays_without_difference()
    {
        using var server = ServerProcess.Start(output, "--port", "0", "--recordings", Recordings);
        var (_, port) = await server.ListeningAsync();
        using var http = Client(port);

        using (var socket = await ConnectAsync(port))
        {
            foreach (var text in new[] { "hello", "world" })
            {
                await SendAsync(socket, text);
                Assert.Equal(text, await ReceiveTextAsync(socket));
            }
            // Live on the page's snapshot while it is open.
            var snapshot = JObject.Parse(await http.GetStringAsync("/api/status"));
            var session = Assert.Single((JArray)snapshot["sessions"]!);
            Assert.Equal("/ws/echo", (string?)session["path"]);
            var recorder = Assert.Single((JArray)snapshot["recorders"]!);
            // Two in, two out; the last echo is recorded once sent, which may be just after the client has it.
            Assert.InRange((long)recorder["entries"]! + (long)recorder["pending"]!, 3, 4);
            var listenerNode = snapshot["tree"]!["children"]![0]!["children"]![0]!;
            Assert.Equal((string?)session["id"], (string?)Assert.Single(listenerNode["children"]!)["name"]); // root → listeners → default → session
            Assert.Single(snapshot["tree"]!["children"]![1]!["children"]!); // root → recorders → its recorder
            Assert.Equal(1L, (long)snapshot["listeners"]![0]!["webSocketSessions"]!);
            using var timeout = new CancellationTokenSource(ServerProcess.Patience);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        }

        var file = await CompleteRecordingAsync(entries: 6);
        var inspect = await CliRunner.RunAsync("inspect", file, "--json");
        Assert.True(inspect.ExitCode == ExitCodes.Success, inspect.ToString());
        Assert.Equal(6, (long)Json.Parse(inspect.Out)["count"]!);

        var relative = Path.GetRelativePath(Recordings, file).Replace(Path.DirectorySeparatorChar, '/');
        Assert.Equal(await File.ReadAllBytesAsync(file), await http.GetByteArrayAsync($"/recordings/{relative}"));
        var har = JObject.Parse(await http.GetStringAsync($"/recordings/{relative}.har"));
        var entry = Assert.Single((JArray)har["log"]!["entries"]!);
        var messages = (JArray)entry["_webSocketMessages"]!;
        Assert.Equal(["send", "receive", "send", "receive"], messages.Select(m => (string)m["type"]!).ToArray());
        Assert.Equal("hello", (string?)messages[0]["data"]);

        // The recording is listed on the page's snapshot with its links.
        var listed = JObject.Parse(await http.GetStringAsync("/api/status"))["recordings"]!;
        Assert.Contains(listed, r => (string?)r["file"] == relative && (string?)r["harHref"] == $"/recordings/{relative}.har");

        var replay = await CliRunner.RunAsync("replay", file, "--url", $"ws://127.0.0.1:{port}/ws/echo");
        Assert.True(replay.ExitCode == ExitCodes.Success, replay.ToString());
    }

    [Fact]
    public async Task SIGTERM_drains_an_open_session_with_1001_prints_the_drain_and_exits_0_with_the_recording_complete()
    {
        if (OperatingSystem.IsWindows()) return; // no POSIX signals
        using var server = ServerProcess.Start(output, "--port", "0", "--recordings", Recordings);
        var (_, port) = await server.ListeningAsync();
        string reason;
        using (var socket = await ConnectAsync(port))
        {
            await SendAsync(socket, "still here");
            Assert.Equal("still here", await ReceiveTextAsync(socket));

            server.Terminate();

            using var timeout = new CancellationTokenSource(ServerProcess.Patience);
            var buffer = new byte[1024];
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.Equal(WebSocketMessageType.Close, result.MessageType);
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
            reason = socket.CloseStatusDescription ?? "";
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
        }

        var exit = await server.ExitAsync();
        Assert.True(exit == ExitCodes.Success, $"exit {exit}\n{server.Output}");
        Assert.Contains("drain: Listener 'default' drained on shutdown: Drained, 1 acknowledged, 0 cut at the deadline", server.Output, StringComparison.Ordinal);
        Assert.Contains("stopped: recordings flushed", server.Output, StringComparison.Ordinal);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(Recordings, "default"), "*.jsonl"));
        var entries = new List<(Direction, Frame)>();
        await foreach (var entry in RecordingReader.ReadAsync(file)) entries.Add((entry.Direction, entry.Frame));
        Assert.Equal(
            [
                (Direction.In, Frame.Text("still here")),
                (Direction.Out, Frame.Text("still here")),
                (Direction.Out, Frame.Close(1001, reason)),
                (Direction.In, Frame.Close(1000, "")),
            ],
            entries);
    }

    [Fact]
    public async Task Every_traversal_form_gets_404_and_a_log_line_never_a_file()
    {
        if (OperatingSystem.IsWindows()) return; // symlinks need privileges there
        var inside = Path.Combine(Recordings, "default");
        Directory.CreateDirectory(inside);
        await File.WriteAllTextAsync(Path.Combine(inside, "ok.jsonl"), "{}\n");
        var secret = Path.Combine(_directory.Path, "secret.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET");
        File.CreateSymbolicLink(Path.Combine(inside, "out.jsonl"), secret);
        Directory.CreateSymbolicLink(Path.Combine(Recordings, "up"), _directory.Path);
        File.CreateSymbolicLink(Path.Combine(inside, "in.jsonl"), Path.Combine(inside, "ok.jsonl"));

        using var server = ServerProcess.Start(output, "--port", "0", "--recordings", Recordings);
        await server.ListeningAsync();

        Assert.Equal(200, (await server.GetRawAsync("/recordings/default/ok.jsonl")).Status);
        Assert.Equal(200, (await server.GetRawAsync("/recordings/default/in.jsonl")).Status); // a link that stays inside is fine

        string[] attacks =
        [
            "/recordings/../secret.txt",
            "/recordings/default/../../secret.txt",
            "/recordings/%2e%2e/secret.txt",
            "/recordings/%2E%2E/secret.txt",
            "/recordings/..%2fsecret.txt",
            "/recordings/%2e%2e%2fsecret.txt",
            "/recordings/default%2f..%2f..%2fsecret.txt",
            "/recordings/%252e%252e/secret.txt",
            "/recordings//etc/passwd",
            "/recordings/%2fetc%2fpasswd",
            "/recordings/" + Uri.EscapeDataString(secret),
            "/recordings/default/out.jsonl",
            "/recordings/up/secret.txt",
            "/recordings/default",
            "/recordings/default/missing.jsonl",
            "/recordings/..%5csecret.txt",
        ];
        foreach (var attack in attacks)
        {
            var (status, response) = await server.GetRawAsync(attack);
            Assert.True(status == 404, $"{attack}: {status}\n{response}");
            Assert.DoesNotContain("TOP-SECRET", response, StringComparison.Ordinal);
            Assert.DoesNotContain("root:", response, StringComparison.Ordinal);
        }
        await server.PrintedAsync("refused /recordings/default/out.jsonl");
        await server.PrintedAsync("refused /recordings/up/secret.txt");
        await server.PrintedAsync("refused /recordings/..%2fsecret.txt");
        await server.PrintedAsync("no route for /secret.txt"); // /recordings/../secret.txt, as Kestrel normalises it
    }

    [Fact]
    public async Task A_non_loopback_bind_with_a_token_guards_the_admin_routes_and_leaves_the_probes_and_the_echo_open()
    {
        const string token = "s3cret-token";
        using var server = ServerProcess.Start(output, "--address", "0.0.0.0", "--port", "0", "--recordings", Recordings, "--admin-token", token);
        var (address, port) = await server.ListeningAsync();
        Assert.Equal("0.0.0.0", address);

        foreach (var path in new[] { "/", "/api/status", "/api/status/events", "/recordings/default/x.jsonl" })
        {
            Assert.Equal(401, (await server.GetRawAsync(path)).Status);
            Assert.Equal(401, (await server.GetRawAsync(path, bearer: "wrong")).Status);
        }
        Assert.Equal(200, (await server.GetRawAsync("/", bearer: token)).Status);
        Assert.Equal(200, (await server.GetRawAsync("/api/status", bearer: token)).Status);
        Assert.Equal(404, (await server.GetRawAsync("/recordings/default/x.jsonl", bearer: token)).Status);
        Assert.Equal(200, (await server.GetRawAsync("/healthz")).Status);
        Assert.Equal(200, (await server.GetRawAsync("/readyz")).Status);
        using var socket = await ConnectAsync(port);
        await SendAsync(socket, "open");
        Assert.Equal("open", await ReceiveTextAsync(socket));
    }

    [Fact]
    public async Task A_non_loopback_bind_without_a_token_refuses_to_start_with_2_and_says_why()
    {
        var run = await CliRunner.RunAsync("serve", "--address", "0.0.0.0", "--port", "0", "--recordings", Recordings);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("0.0.0.0", run.Error, StringComparison.Ordinal);
        Assert.Contains("not a loopback address", run.Error, StringComparison.Ordinal);
        Assert.Contains("--admin-token", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Recordings));
    }

    [Theory]
    [InlineData("--port abc", "--port", "abc")]
    [InlineData("--port 70000", "--port", "70000")]
    [InlineData("--port -1", "--port", "-1")]
    [InlineData("--address nowhere", "--address", "nowhere")]
    [InlineData("--config missing.conf", "--config", "missing.conf")]
    [InlineData("--admin-token ", "--admin-token", "")]
    public async Task A_bad_option_exits_with_2_and_names_it(string args, string option, string value)
    {
        var run = await CliRunner.RunAsync(["serve", .. args.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task A_config_file_with_a_syntax_error_exits_with_2_naming_its_path_line_and_column()
    {
        var config = Path.Combine(_directory.Path, "broken.conf");
        await File.WriteAllTextAsync(config, "actor-recorder {\n  listeners.default.port = 0\n  oops = [1, 2\n}\n");

        var run = await CliRunner.RunAsync("serve", "--config", config, "--recordings", Recordings);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(config) + @":\d+:\d+", run.Error);
    }

    [Theory]
    [InlineData("actor-recorder.listeners.default.port = lots", "actor-recorder.listeners.default.port")]
    [InlineData("actor-recorder.listeners.default.address = \"not-an-ip\"", "actor-recorder.listeners.default.address")]
    [InlineData("actor-recorder.drain.timeout = soon", "actor-recorder.drain.timeout")]
    public async Task A_config_file_with_a_bad_value_exits_with_2_naming_the_file_and_the_key(string line, string key)
    {
        var config = Path.Combine(_directory.Path, "bad.conf");
        await File.WriteAllTextAsync(config, line + "\n");

        var run = await CliRunner.RunAsync("serve", "--config", config, "--recordings", Recordings);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(config, run.Error, StringComparison.Ordinal);
        Assert.Contains(key, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_file_sets_the_port_and_the_environment_overrides_it_through_the_file()
    {
        var config = Path.Combine(_directory.Path, "server.conf");
        await File.WriteAllTextAsync(config, "actor-recorder.listeners.default {\n  port = 1\n  port = ${?ACTOR_RECORDER_SPEC_PORT}\n}\n");
        Environment.SetEnvironmentVariable("ACTOR_RECORDER_SPEC_PORT", "0");
        try
        {
            var settings = Server.Serving.ServeSettings.Read(config, null, null, Recordings, null);
            Assert.Equal(0, settings.Listener.Port);
            Assert.Equal("127.0.0.1", settings.Listener.Address.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("ACTOR_RECORDER_SPEC_PORT", null);
        }
    }

    public void Dispose() => _directory.Dispose();

    private static HttpClient Client(int port) => new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = ServerProcess.Patience };

    /// <summary>The one recording, once it holds <paramref name="entries"/> lines (the recorder flushes when the session ends).</summary>
    private async Task<string> CompleteRecordingAsync(int entries)
    {
        var deadline = DateTime.UtcNow + ServerProcess.Patience;
        while (true)
        {
            var directory = Path.Combine(Recordings, "default");
            if (Directory.Exists(directory) && Directory.GetFiles(directory, "*.jsonl") is [var file]
                && (await File.ReadAllLinesAsync(file)).Count(l => l.Length > 0) >= entries)
                return file;
            if (DateTime.UtcNow > deadline) Assert.Fail($"No complete recording of {entries} entries under {directory} within {ServerProcess.Patience}.");
            await Task.Delay(20);
        }
    }

    private static async Task<ClientWebSocket> ConnectAsync(int port)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(ServerProcess.Patience);
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws/echo"), timeout.Token);
        return socket;
    }

    private static async Task SendAsync(ClientWebSocket socket, string text)
    {
        using var timeout = new CancellationTokenSource(ServerProcess.Patience);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(ServerProcess.Patience);
        var buffer = new byte[4096];
        var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}

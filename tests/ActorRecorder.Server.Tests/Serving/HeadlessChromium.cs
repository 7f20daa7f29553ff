using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Xunit;

namespace ActorRecorder.Server.Tests.Serving;

/// <summary>A fact that needs Debian's <c>chromium</c> on PATH; skipped, with the reason, when it is not there.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null) Skip = "chromium is not on PATH (apt-get install chromium): the status page is not checked in a browser.";
    }
}

/// <summary>
/// A headless Chromium driven through the DevTools protocol: one page, navigated and evaluated over its WebSocket.
/// Its own profile directory; killed, with its process tree, on dispose.
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _page = new();
    private readonly StringBuilder _stderr = new();
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>chromium (or chromium-browser) on PATH, or null.</summary>
    public static string? Executable { get; } = Find();

    public static async Task<HeadlessChromium> StartAsync(TimeSpan patience)
    {
        var profile = Directory.CreateTempSubdirectory("actor-recorder-chromium-").FullName;
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("chromium is not on PATH"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank" })
            start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        var chromium = new HeadlessChromium(process, profile);
        var endpoint = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (chromium._stderr) chromium._stderr.AppendLine(e.Data);
            if (DevToolsLine().Match(e.Data) is { Success: true } match) endpoint.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var port = await endpoint.Task.WaitAsync(patience);
            using var http = new HttpClient { Timeout = patience };
            var targets = JArray.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"));
            var page = targets.First(t => (string?)t["type"] == "page");
            using var timeout = new CancellationTokenSource(patience);
            await chromium._page.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), timeout.Token);
            return chromium;
        }
        catch
        {
            await chromium.DisposeAsync();
            throw;
        }
    }

    /// <summary>What Chromium wrote on stderr, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    public Task NavigateAsync(string url, TimeSpan patience) => SendAsync("Page.navigate", new JObject { ["url"] = url }, patience);

    /// <summary>The value of a JavaScript expression in the page (JSON-serialisable values only).</summary>
    public async Task<JToken?> EvaluateAsync(string expression, TimeSpan patience)
    {
        var result = await SendAsync("Runtime.evaluate", new JObject { ["expression"] = expression, ["returnByValue"] = true }, patience);
        if (result["exceptionDetails"] is { } error) throw new InvalidOperationException($"{expression} threw: {error}");
        return result["result"]?["value"];
    }

    /// <summary>Evaluates <paramref name="expression"/> until it is true; fails with <paramref name="what"/> after <paramref name="patience"/>.</summary>
    public async Task UntilAsync(string expression, string what, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (await EvaluateAsync(expression, patience) is { Type: JTokenType.Boolean } value && (bool)value) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"The page did not show {what} within {patience}.\n{await EvaluateAsync("document.body.innerText", patience)}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _page.Dispose();
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Exited meanwhile, or it will be reaped by the system.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A child still writing into it; it is a temporary directory.
        }
    }

    private async Task<JObject> SendAsync(string method, JObject parameters, TimeSpan patience)
    {
        var id = Interlocked.Increment(ref _nextId);
        using var timeout = new CancellationTokenSource(patience);
        var request = new JObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _page.SendAsync(Encoding.UTF8.GetBytes(request.ToString(Newtonsoft.Json.Formatting.None)), WebSocketMessageType.Text, true, timeout.Token);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _page.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            if (received.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException($"Chromium closed the DevTools socket.\n{Log}");
            var answer = JObject.Parse(Encoding.UTF8.GetString(message.ToArray()));
            if ((int?)answer["id"] != id) continue; // an event, or an older answer
            if (answer["error"] is { } error) throw new InvalidOperationException($"{method} failed: {error}");
            return (JObject)answer["result"]!;
        }
    }

    private static string? Find()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var path = Path.Combine(directory, name);
                if (File.Exists(path)) return path;
            }
        }
        return null;
    }

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(\d+)/")]
    private static partial Regex DevToolsLine();
}

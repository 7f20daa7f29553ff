using System.Diagnostics;
using System.Net.WebSockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using ActorRecorder.Http.Tests.Support;
using ActorRecorder.Recording;
using ActorRecorder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Http.Tests.Draining;

/// <summary>
/// The drain on the system's shutdown, seen from outside a process: ActorRecorder.Http.TestHost, a listener with a
/// recorded WebSocket echo, gets SIGTERM, drains its sessions (close 1001), exits 0, and leaves every recording complete.
/// </summary>
public sealed partial class SigtermSpec(ITestOutputHelper output) : HttpSpec(output)
{
    private const int Sessions = 5;
    private const int MessagesPerSession = 3;

    /// <summary>How long the process may take from SIGTERM to its exit: the drain (its timeout is 10 s) and the rest of the shutdown.</summary>
    private static readonly TimeSpan ExitPatience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_host_given_SIGTERM_drains_its_sessions_with_1001_exits_0_and_every_recording_is_complete()
    {
        if (OperatingSystem.IsWindows()) return; // no POSIX signals
        using var directory = new TempDirectory();
        using var host = TestHost.Start(directory.Path, Output);
        var port = await host.ListeningAsync(Patience);

        var sockets = new List<ClientWebSocket>();
        string[] closeReasons;
        try
        {
            for (var s = 0; s < Sessions; s++)
            {
                var socket = new ClientWebSocket();
                sockets.Add(socket);
                using var timeout = new CancellationTokenSource(Patience);
                await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws/echo"), timeout.Token);
            }
            // Interleaved, so that the sessions are open together and each has traffic of its own.
            for (var m = 1; m <= MessagesPerSession; m++)
            {
                for (var s = 0; s < Sessions; s++)
                {
                    await SendTextAsync(sockets[s], Message(s, m));
                    Assert.Equal((WebSocketMessageType.Text, Message(s, m)), await ReceiveAsync(sockets[s]));
                }
            }

            host.Terminate();

            // Every client: the server's close, 1001 (the default OnDrain), nothing after the echoes; answered at once,
            // all together, so that each session ends cleanly well before the drain's deadline.
            var closes = await Task.WhenAll(sockets.Select(DrainSpec.ReceiveUntilCloseAsync));
            foreach (var (messages, status) in closes)
            {
                Assert.Empty(messages);
                Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status);
            }
            closeReasons = sockets.Select(s => s.CloseStatusDescription ?? "").ToArray();
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
        }

        var exitCode = await host.ExitAsync(ExitPatience);
        Assert.True(exitCode == 0, $"The host exited with {exitCode}.\n{host.Output}");
        // The drain's result, as the shutdown's drain task logs it: every session acknowledged, none cut.
        Assert.Contains($"Listener 'host' drained on shutdown: Drained, {Sessions} acknowledged, 0 cut at the deadline", host.Output, StringComparison.Ordinal);
        Assert.Contains("terminated", host.Output.Split('\n').Select(line => line.TrimEnd()));

        // One recording per session, each complete: every text in and its echo out, in order, then the server's close
        // (1001, with the reason its client got, recorded when sent) and the client's answer (1000, recorded when received).
        var files = Directory.GetFiles(Path.Combine(directory.Path, "host"), "*.jsonl");
        Assert.Equal(Sessions, files.Length);
        var recorded = new List<(Direction Direction, Frame Frame)[]>();
        foreach (var file in files)
        {
            var entries = new List<(Direction, Frame)>();
            await foreach (var entry in RecordingReader.ReadAsync(file)) entries.Add((entry.Direction, entry.Frame));
            recorded.Add([.. entries]);
        }
        var expected = Enumerable.Range(0, Sessions).Select(s => Expected(s, closeReasons[s])).ToArray();
        Assert.Equal(expected, recorded.OrderBy(r => r[0].Frame.TextData, StringComparer.Ordinal).ToArray()); // session order: each starts with its first message
    }

    private static string Message(int session, int message) => $"session {session} message {message}";

    private static (Direction, Frame)[] Expected(int session, string closeReason) =>
    [
        .. Enumerable.Range(1, MessagesPerSession).SelectMany(m => new[] { (Direction.In, Frame.Text(Message(session, m))), (Direction.Out, Frame.Text(Message(session, m))) }),
        (Direction.Out, Frame.Close(1001, closeReason)),
        (Direction.In, Frame.Close(1000, "")),
    ];

    /// <summary>
    /// The test host as a process: <c>dotnet ActorRecorder.Http.TestHost.dll --record-to &lt;dir&gt;</c>, its stdout and
    /// stderr captured. On dispose it is killed if it is still running, and what it printed goes to the test's output.
    /// </summary>
    private sealed partial class TestHost : IDisposable
    {
        private const int SigTerm = 15;

        private readonly Process _process;
        private readonly ITestOutputHelper? _testOutput;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private TestHost(Process process, ITestOutputHelper? testOutput)
        {
            _process = process;
            _testOutput = testOutput;
        }

        /// <summary>What the host printed so far, stdout and stderr interleaved as they came.</summary>
        public string Output
        {
            get
            {
                lock (_output) return _output.ToString();
            }
        }

        public static TestHost Start(string recordTo, ITestOutputHelper? testOutput)
        {
            var start = new ProcessStartInfo(DotnetHost())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(HostAssembly());
            start.ArgumentList.Add("--record-to");
            start.ArgumentList.Add(recordTo);
            var process = new Process { StartInfo = start };
            var host = new TestHost(process, testOutput);
            process.OutputDataReceived += (_, e) => host.Line(e.Data, fromStdout: true);
            process.ErrorDataReceived += (_, e) => host.Line(e.Data, fromStdout: false);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return host;
        }

        /// <summary>The port, once the host has printed its "listening on" line.</summary>
        public async Task<int> ListeningAsync(TimeSpan patience)
        {
            try
            {
                return await _listening.Task.WaitAsync(patience);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The host did not print its listening line within {patience}.\n{Output}");
            }
            catch (EndOfStreamException)
            {
                throw new InvalidOperationException($"The host ended its output without a listening line.\n{Output}");
            }
        }

        /// <summary>
        /// Sends SIGTERM, through libc's kill(2): .NET has no managed call for it (Process.Kill sends SIGKILL), and a
        /// P/Invoke needs no kill command on the machine nor a process to run it.
        /// </summary>
        public void Terminate()
        {
            if (Kill(_process.Id, SigTerm) != 0)
                throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}.\n{Output}");
        }

        /// <summary>The exit code, once the process has exited and its output is read; it is killed and the spec fails if it takes longer than <paramref name="patience"/>.</summary>
        public async Task<int> ExitAsync(TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
                Assert.Fail($"The host had not exited {patience} after SIGTERM; it was killed.\n{Output}");
            }
            return _process.ExitCode;
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
            _process.Dispose();
            _testOutput?.WriteLine($"The test host printed:\n{Output}");
        }

        private void Line(string? line, bool fromStdout)
        {
            if (line is null)
            {
                if (fromStdout) _listening.TrySetException(new EndOfStreamException()); // it exited, or closed stdout, before it listened
                return;
            }
            lock (_output) _output.Append(fromStdout ? "" : "[stderr] ").AppendLine(line);
            if (fromStdout && ListeningLine().Match(line) is { Success: true } listening)
                _listening.TrySetResult(int.Parse(listening.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        /// <summary>The host's built assembly, whose path the build wrote into this assembly (see the test project file).</summary>
        private static string HostAssembly()
        {
            var path = typeof(SigtermSpec).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "ActorRecorder.Http.TestHost")?.Value;
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
                throw new FileNotFoundException($"The test host is not built where the build said it would be ('{path}'): build ActorRecorder.Http.Tests, which builds it.");
            return path;
        }

        /// <summary>The dotnet that runs these specs when it is the muxer, otherwise the one on PATH.</summary>
        private static string DotnetHost() =>
            Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

        [GeneratedRegex(@"^listening on http://127\.0\.0\.1:(\d+) \(listener host\)$")]
        private static partial Regex ListeningLine();

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);
    }
}

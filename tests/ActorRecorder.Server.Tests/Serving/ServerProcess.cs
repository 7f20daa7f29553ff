using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Server.Tests.Serving;

/// <summary>
/// <c>actor-recorder serve ...</c> as a process (the actor-recorder.dll the build copies beside the specs, or the one
/// named by the specs' <c>AssemblyMetadata("ActorRecorder.Server", path)</c>, with the dotnet that runs them), its stdout
/// and stderr captured. Killed on dispose if still running; what it printed goes to the test's output. Shared with
/// ActorRecorder.Cluster.Tests, which links this file.
/// </summary>
public sealed partial class ServerProcess : IDisposable
{
    /// <summary>Every wait on the process is bounded by this.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const int SigTerm = 15;

    // Linux's numbers (macOS has others): the specs that pause a process run on Linux only.
    private const int SigStop = 19;
    private const int SigCont = 18;

    private readonly Process _process;
    private readonly ITestOutputHelper? _testOutput;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<(string Address, int Port)> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    private ServerProcess(Process process, ITestOutputHelper? testOutput)
    {
        _process = process;
        _testOutput = testOutput;
    }

    /// <summary>What it printed so far, stderr lines marked.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>The port, once the "listening on" line is printed.</summary>
    public int Port => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result.Port : throw new InvalidOperationException("Not listening yet.");

    /// <summary>The built actor-recorder.dll.</summary>
    public static string Program
    {
        get
        {
            var named = Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ActorRecorder.Server")?.Value;
            var program = named is { Length: > 0 } ? named : Path.Combine(AppContext.BaseDirectory, "actor-recorder.dll");
            Assert.True(File.Exists(program), $"{program} is not built");
            return program;
        }
    }

    /// <summary>Starts <c>actor-recorder serve</c> with <paramref name="args"/>.</summary>
    public static ServerProcess Start(ITestOutputHelper? testOutput, params string[] args)
    {
        var process = new Process { StartInfo = StartInfo(["serve", .. args]) };
        var server = new ServerProcess(process, testOutput);
        process.OutputDataReceived += (_, e) => server.Line(e.Data, fromStdout: true);
        process.ErrorDataReceived += (_, e) => server.Line(e.Data, fromStdout: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Runs <c>actor-recorder</c> with <paramref name="args"/> (a command that ends, such as <c>cluster status</c>) to its exit.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        using var timeout = new CancellationTokenSource(Patience);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The Akka address of the "cluster node" line of a cluster node.</summary>
    public async Task<string> ClusterAddressAsync()
    {
        await PrintedAsync("cluster node ");
        var match = ClusterNodeLine().Match(Output);
        Assert.True(match.Success, $"No cluster node line in:\n{Output}");
        return match.Groups[1].Value;
    }

    /// <summary>The process's id.</summary>
    public int Id => _process.Id;

    /// <summary>Kills it with SIGKILL (no drain, no leave: the others must find it dead).</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>The address and port of the "listening on" line.</summary>
    public async Task<(string Address, int Port)> ListeningAsync()
    {
        try
        {
            return await _listening.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The server did not print its listening line within {Patience}.\n{Output}");
        }
        catch (EndOfStreamException)
        {
            throw new InvalidOperationException($"The server ended its output without a listening line.\n{Output}");
        }
    }

    /// <summary>Waits until a line containing <paramref name="text"/> has been printed (stdout or stderr).</summary>
    public async Task PrintedAsync(string text)
    {
        TaskCompletionSource seen;
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal)) return;
            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited.Add((text, seen));
        }
        try
        {
            await seen.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The server did not print '{text}' within {Patience}.\n{Output}");
        }
    }

    /// <summary>Sends SIGTERM through libc's kill(2) (Process.Kill sends SIGKILL).</summary>
    public void Terminate() => Signal(SigTerm, "SIGTERM");

    private void Signal(int signal, string name)
    {
        if (Kill(_process.Id, signal) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, {name}) failed: errno {Marshal.GetLastPInvokeError()}.\n{Output}");
    }

    /// <summary>Freezes it with SIGSTOP (Linux): it neither answers nor sends, as a node behind a partition.</summary>
    public void Pause() => Signal(SigStop, "SIGSTOP");

    /// <summary>Lets a paused process run again with SIGCONT (Linux).</summary>
    public void Resume() => Signal(SigCont, "SIGCONT");

    /// <summary>The exit code once it has exited and its output is read; killed, and the spec fails, after <see cref="Patience"/>.</summary>
    public async Task<int> ExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"The server had not exited within {Patience}; it was killed.\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>Sends <paramref name="request"/> as it is (no normalisation) on a new loopback connection and returns the status code and the whole response.</summary>
    public async Task<(int Status, string Response)> RawAsync(string request)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(timeout.Token);
        var match = StatusLine().Match(response);
        Assert.True(match.Success, $"No HTTP status line in:\n{response}");
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), response);
    }

    /// <summary>A GET of <paramref name="target"/>, exactly as written, with Connection: close.</summary>
    public Task<(int Status, string Response)> GetRawAsync(string target, string? bearer = null) =>
        RawAsync($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\n{(bearer is null ? "" : $"Authorization: Bearer {bearer}\r\n")}Connection: close\r\n\r\n");

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
        _testOutput?.WriteLine($"The server printed:\n{Output}");
    }

    private void Line(string? line, bool fromStdout)
    {
        if (line is null)
        {
            if (fromStdout) _listening.TrySetException(new EndOfStreamException());
            return;
        }
        lock (_output)
        {
            _output.Append(fromStdout ? "" : "[stderr] ").AppendLine(line);
            foreach (var (text, seen) in _awaited)
            {
                if (line.Contains(text, StringComparison.Ordinal)) seen.TrySetResult();
            }
        }
        if (fromStdout && ListeningLine().Match(line) is { Success: true } listening)
            _listening.TrySetResult((listening.Groups[1].Value, int.Parse(listening.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(), // the default config is found beside the program, whatever the working directory
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // server.conf reads these; a spec says what it wants on the command line.
        foreach (var name in new[] { "PORT", "ACTOR_RECORDER_ADMIN_TOKEN", "ACTOR_RECORDER_CLUSTER", "SEEDS", "CLUSTER_PORT", "CLUSTER_HOST" })
            start.Environment.Remove(name);
        return start;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    [GeneratedRegex(@"^listening on http://(\S+):(\d+) \(listener default\)$")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^cluster node (\S+) ", RegexOptions.Multiline)]
    private static partial Regex ClusterNodeLine();

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3}) ")]
    private static partial Regex StatusLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

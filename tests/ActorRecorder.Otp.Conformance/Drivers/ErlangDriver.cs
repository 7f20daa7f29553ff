using System.Diagnostics;
using ActorRecorder.Otp.Conformance.Scenarios;

namespace ActorRecorder.Otp.Conformance.Drivers;

/// <summary>
/// Runs scenarios on Erlang/OTP's own <c>supervisor</c> through <c>erlang/supervisor_driver.escript</c>: one
/// BEAM for the whole test run, a scenario file in and a trace file out per request.
/// </summary>
public sealed class ErlangDriver : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _directory = Directory.CreateTempSubdirectory("otp-conformance-").FullName;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _runs;

    private ErlangDriver(Process process, string release)
    {
        _process = process;
        OtpRelease = release;
    }

    /// <summary>The OTP release that runs the scenarios (e.g. "25").</summary>
    public string OtpRelease { get; }

    /// <summary>Starts the driver; fails with what to install when Erlang is missing.</summary>
    public static ErlangDriver Start()
    {
        const string missing = "is not on PATH. The conformance specs compare our Supervisor with Erlang/OTP's own: install erlang-base (`apt-get install erlang-base`; .ci/run does this).";
        var escript = FindOnPath("escript") ?? throw new InvalidOperationException($"Erlang/OTP's escript {missing}");
        var erl = FindOnPath("erl") ?? throw new InvalidOperationException($"Erlang/OTP's erl {missing}");
        var release = Capture(erl, "-noshell -eval \"io:format(\\\"~s\\\", [erlang:system_info(otp_release)]), halt().\"");
        var script = Path.Combine(AppContext.BaseDirectory, "erlang", "supervisor_driver.escript");
        var process = Process.Start(new ProcessStartInfo(escript, $"\"{script}\"")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {escript} {script}.");
        process.ErrorDataReceived += (_, _) => { }; // the escript's own warnings, if any
        process.BeginErrorReadLine();
        return new ErlangDriver(process, release);
    }

    /// <summary>Runs <paramref name="scenario"/> on OTP and returns its trace, one event per line.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(Scenario scenario)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var n = ++_runs;
            var input = Path.Combine(_directory, $"{n}.scenario");
            var output = Path.Combine(_directory, $"{n}.trace");
            await File.WriteAllTextAsync(input, scenario.ToErlang()).ConfigureAwait(false);
            await _process.StandardInput.WriteLineAsync($"run {input} {output}").ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(Patience);
            var reply = await _process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false)
                        ?? throw new InvalidOperationException($"The Erlang driver exited (code {(_process.HasExited ? _process.ExitCode : -1)}).");
            if (reply != "done") throw new InvalidOperationException($"The Erlang driver failed on {input}: {reply}");
            var trace = await File.ReadAllLinesAsync(output).ConfigureAwait(false);
            File.Delete(input);
            File.Delete(output);
            return trace;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine("quit");
                _process.StandardInput.Flush();
                if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
            _gate.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? FindOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, command)).FirstOrDefault(File.Exists);

    private static string Capture(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })
                            ?? throw new InvalidOperationException($"Could not start {file}.");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Trim();
    }
}

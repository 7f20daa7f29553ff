using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Http;

/// <summary>
/// The clients' end of many WebSocket sessions, in a child process of their own: this program run with <see cref="Mode"/>.
/// Both ends of 10 000 loopback connections take 20 000 file descriptors, which is the hard limit on the development
/// machine, so one process cannot hold them. Each client sends nothing and answers the server's close at once; the
/// child says when every session is open, and how each ended once all have.
/// </summary>
public sealed class SessionClients : IDisposable
{
    /// <summary>The argument that makes the program the clients (followed by the URL and the count) rather than a suite.</summary>
    public const string Mode = "--session-clients";

    private readonly Process _process;
    private readonly int _count;
    private readonly StringBuilder _errors = new();
    private bool _reported;

    private SessionClients(Process process, int count)
    {
        _process = process;
        _count = count;
        // Read as it comes, so a child that writes much to stderr never blocks on a full pipe.
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_errors) _errors.AppendLine(e.Data);
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the child and returns once its <paramref name="count"/> sessions to <paramref name="url"/> are open on the clients' side.</summary>
    public static SessionClients Open(Uri url, int count)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own executable is unknown."))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Run as `dotnet ActorRecorder.Benchmarks.dll`, the process is the host, which needs the program first.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet") start.ArgumentList.Add(typeof(SessionClients).Assembly.Location);
        start.ArgumentList.Add(Mode);
        start.ArgumentList.Add(url.ToString());
        start.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
        var clients = new SessionClients(Process.Start(start) ?? throw new InvalidOperationException("The session clients' process did not start."), count);
        try
        {
            var line = clients.ReadLine(LoadGenerator.RunLimit);
            if (line != $"open {count}") throw clients.Failed($"expected 'open {count}', got '{line}'");
            return clients;
        }
        catch
        {
            clients.Dispose();
            throw;
        }
    }

    /// <summary>Waits, at most <see cref="LoadGenerator.Patience"/>, until every session has ended; each must have been closed by the server with <paramref name="status"/>.</summary>
    public void ExpectAllClosed(WebSocketCloseStatus status)
    {
        var line = ReadLine(LoadGenerator.Patience);
        _reported = true;
        var expected = string.Create(CultureInfo.InvariantCulture, $"closed {(int)status}:{_count}");
        if (line != expected) throw Failed($"expected every session closed by the server with {(int)status}: '{expected}', got '{line}'");
    }

    private string? ReadLine(TimeSpan limit)
    {
        try
        {
            return _process.StandardOutput.ReadLineAsync().WaitAsync(limit).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            throw Failed($"no answer within {limit}");
        }
    }

    private InvalidOperationException Failed(string what)
    {
        var exit = _process.HasExited ? $", exit code {_process.ExitCode}" : "";
        lock (_errors) return new InvalidOperationException($"The session clients' process: {what}{exit}. {_errors}".TrimEnd());
    }

    public void Dispose()
    {
        // Once it has reported, the child exits by itself; before that (a failed run) it is killed, which closes its sockets.
        if (!_reported || !_process.WaitForExit(LoadGenerator.Patience))
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It has exited meanwhile.
            }
        }
        _process.WaitForExit();
        _process.Dispose();
    }

    /// <summary>
    /// The child's side: opens <paramref name="count"/> sessions to <paramref name="url"/>, says so, answers each close,
    /// and prints how they ended: <c>closed</c> and, per close status (or <c>aborted</c>), <c>status:sessions</c>.
    /// </summary>
    public static int Serve(Uri url, int count)
    {
        var sockets = LoadGenerator.Connect(url, count);
        // Each client's receive is pending before the parent hears that all are open: no close waits to be answered.
        var endings = sockets.Select(AnswerCloseAsync).ToArray();
        // The opening's garbage is collected now, not while the server is timed closing the sessions.
        Measure.Collect();
        Console.WriteLine($"open {count}");
        var ended = BenchSystem.Await(Task.WhenAll(endings));
        Console.WriteLine("closed " + string.Join(' ', ended.GroupBy(e => e).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}")));
        return 0;
    }

    /// <summary>Receives until the server's close and answers it at once, echoing its status; returns that status, or "aborted".</summary>
    private static async Task<string> AnswerCloseAsync(ClientWebSocket socket)
    {
        using (socket)
        {
            var buffer = new byte[128];
            try
            {
                while (true)
                {
                    // No token: an idle receive then registers nothing; the server's close or the connection's end ends it.
                    var result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    if (result.MessageType != WebSocketMessageType.Close) continue;
                    // Answered now, the server's session ends now, not when its close grace runs out.
                    using var timeout = new CancellationTokenSource(LoadGenerator.Patience);
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "", timeout.Token);
                    return socket.CloseStatus is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "empty";
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                return "aborted";
            }
        }
    }
}

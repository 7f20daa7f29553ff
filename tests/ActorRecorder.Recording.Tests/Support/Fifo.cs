namespace ActorRecorder.Recording.Tests.Support;

using System.Diagnostics;
using System.Text;

/// <summary>
/// A named pipe to record into: a recorder writing a line longer than the pipe's buffer blocks in
/// the write until the spec reads, which holds the recorder busy deterministically (no sleeps) to
/// show that Tell never waits for it and what a full bounded mailbox does. Linux only.
/// </summary>
public sealed class Fifo : IAsyncDisposable
{
    private readonly Task<FileStream> _reader;
    private readonly MemoryStream _received = new();

    private Fifo(string path)
    {
        Path = path;
        // Opening the read end blocks until the recorder opens the write end: do it off the test thread.
        _reader = Task.Run(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0));
    }

    public string Path { get; }

    public static Fifo Create(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", ["-m", "600", path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0) throw new InvalidOperationException($"mkfifo {path} failed with {mkfifo.ExitCode}.");
        return new Fifo(path);
    }

    /// <summary>Reads until at least <paramref name="count"/> bytes came through in total.</summary>
    public async Task ReadAtLeastAsync(long count)
    {
        var reader = await _reader.WaitAsync(TimeSpan.FromSeconds(30));
        var chunk = new byte[64 * 1024];
        while (_received.Length < count)
        {
            var read = await reader.ReadAsync(chunk).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            if (read == 0) throw new EndOfStreamException($"The writer closed the pipe after {_received.Length} bytes.");
            _received.Write(chunk, 0, read);
        }
    }

    /// <summary>Reads until <paramref name="lines"/> newlines came through in total.</summary>
    public async Task ReadLinesAsync(int lines)
    {
        var reader = await _reader.WaitAsync(TimeSpan.FromSeconds(30));
        var chunk = new byte[64 * 1024];
        while (CountLines() < lines)
        {
            var read = await reader.ReadAsync(chunk).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            if (read == 0) throw new EndOfStreamException($"The writer closed the pipe after {CountLines()} lines.");
            _received.Write(chunk, 0, read);
        }
    }

    /// <summary>Reads everything until the writer closes its end; returns all that came through.</summary>
    public async Task<string> ReadToEndAsync()
    {
        var reader = await _reader.WaitAsync(TimeSpan.FromSeconds(30));
        await reader.CopyToAsync(_received).WaitAsync(TimeSpan.FromSeconds(60));
        return Encoding.UTF8.GetString(_received.ToArray());
    }

    private int CountLines() => _received.GetBuffer().AsSpan(0, (int)_received.Length).Count((byte)'\n');

    public async ValueTask DisposeAsync()
    {
        if (!_reader.IsCompleted)
        {
            // Nobody opened the write end: open it ourselves so the blocked open of the read end returns.
            await using (new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0))
            {
            }
        }
        await (await _reader).DisposeAsync();
        await _received.DisposeAsync();
    }
}

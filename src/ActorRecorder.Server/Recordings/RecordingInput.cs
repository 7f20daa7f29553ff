using ActorRecorder.Recording;
using ActorRecorder.Server.Cli;

namespace ActorRecorder.Server.Recordings;

/// <summary>A recording given on the command line, read leniently: malformed lines are collected, not fatal.</summary>
internal sealed class RecordingInput
{
    private readonly List<MalformedLine> _malformed = [];

    private RecordingInput(string path) => Path = path;

    /// <summary>The file, as given.</summary>
    public string Path { get; }

    /// <summary>The malformed lines met so far, in file order.</summary>
    public IReadOnlyList<MalformedLine> Malformed => _malformed;

    /// <summary>The recording at <paramref name="path"/>, once it is known to be readable.</summary>
    /// <exception cref="UsageException">It cannot be opened for reading; the message names it.</exception>
    public static RecordingInput Open(string path)
    {
        try
        {
            // Opened once up front so that an unreadable file is bad usage (exit 2) and not a failure half-way.
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read '{path}': {e.Message}", e);
        }
        return new RecordingInput(path);
    }

    /// <summary>Its well-formed entries in file order; malformed lines go to <see cref="Malformed"/>.</summary>
    public IAsyncEnumerable<RecordedEntry> ReadAsync(CancellationToken cancellationToken)
    {
        _malformed.Clear();
        var options = new ReadOptions { SkipMalformed = true, OnSkipped = e => _malformed.Add(MalformedLine.From(e)) };
        return RecordingReader.ReadAsync(Path, options, cancellationToken);
    }

    /// <summary>
    /// Warns on <paramref name="stderr"/> that the malformed lines were skipped, naming them (replay and export skip
    /// them; inspect lists them instead). Nothing is written when there are none.
    /// </summary>
    public Task WarnSkippedAsync(TextWriter stderr) => MalformedWarning.WriteAsync(stderr, Path, _malformed);
}

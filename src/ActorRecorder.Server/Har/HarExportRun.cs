using System.Text;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Inspection;
using ActorRecorder.Server.Recordings;

namespace ActorRecorder.Server.Har;

/// <summary>The <c>export --har</c> command from start to end: one pass for the start time and the malformed lines, one to write.</summary>
internal static class HarExportRun
{
    public static async Task RunAsync(string path, string? target, HarExport export, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var input = RecordingInput.Open(path);
        if (target is not null && string.Equals(Path.GetFullPath(target), Path.GetFullPath(path), StringComparison.Ordinal))
            throw new UsageException($"--output '{target}' is the recording itself; choose another file.");

        var summary = await RecordingInspector.InspectAsync(input, cancellationToken).ConfigureAwait(false);
        await input.WarnSkippedAsync(stderr).ConfigureAwait(false);
        // An empty recording has no first frame: the file's time is the best start there is.
        var started = summary.FirstTimestamp ?? File.GetLastWriteTimeUtc(path);

        if (target is null)
        {
            using var buffered = new BufferedWriter(stdout);
            await HarWriter.WriteAsync(buffered, input, started, export, cancellationToken).ConfigureAwait(false);
            return;
        }
        await WriteFileAsync(target, writer => HarWriter.WriteAsync(writer, input, started, export, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Writes beside <paramref name="target"/> and moves it into place, so a failed export leaves no half file behind.</summary>
    private static async Task WriteFileAsync(string target, Func<TextWriter, Task> write)
    {
        var full = Path.GetFullPath(target);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        StreamWriter writer;
        try
        {
            writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write --output '{target}': {e.Message}", e);
        }
        try
        {
            await using (writer.ConfigureAwait(false)) await write(writer).ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}

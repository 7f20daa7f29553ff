using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace ActorRecorder.Recording;

/// <summary>
/// Reads a file as lines separated by '\n' only, with their 1-based numbers. JSONL separates
/// entries by '\n'; a '\r' before it is dropped, and a stray '\r' elsewhere stays inside its line
/// (where the JSON parser reports it) instead of shifting every line number after it. A last line
/// without a newline (a recording cut short) is returned too. Invalid UTF-8 becomes U+FFFD.
/// </summary>
internal static class LineReader
{
    private const int ReadSize = 64 * 1024;

    public static async IAsyncEnumerable<(string Line, long Number)> ReadLinesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            // The recorder may still be writing it.
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        });
        var buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
        try
        {
            int start = 0, end = 0, scanned = 0;
            long number = 0;
            while (true)
            {
                var newline = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var lineEnd = scanned + newline;
                    yield return (Decode(buffer.AsSpan(start, lineEnd - start), number == 0), ++number);
                    start = scanned = lineEnd + 1;
                    continue;
                }
                scanned = end;

                if (start > 0)
                {
                    // Keep the unfinished line at the front of the buffer.
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    scanned -= start;
                    start = 0;
                }
                if (end == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, end).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (end > start) yield return (Decode(buffer.AsSpan(start, end - start), number == 0), ++number);
                    yield break;
                }
                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Decode(ReadOnlySpan<byte> line, bool first)
    {
        if (first && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        return Encoding.UTF8.GetString(line);
    }
}

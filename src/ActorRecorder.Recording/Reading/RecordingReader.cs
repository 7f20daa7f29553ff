using System.Runtime.CompilerServices;

namespace ActorRecorder.Recording;

/// <summary>
/// Reads recordings written by a recorder or by ZenWebsocket. Never crashes on a bad line: it is
/// reported with its line number, or skipped and reported to <see cref="ReadOptions.OnSkipped"/>.
/// </summary>
public static class RecordingReader
{
    /// <summary>
    /// The entries of the recording at <paramref name="path"/>, in file order. Blank lines are skipped.
    /// A malformed line throws a <see cref="RecordingFormatException"/> naming its line number, unless
    /// <see cref="ReadOptions.SkipMalformed"/> is set.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist (raised when the enumeration starts).</exception>
    public static IAsyncEnumerable<RecordedEntry> ReadAsync(string path, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadEntriesAsync(path, options ?? ReadOptions.Default, cancellationToken);
    }

    /// <summary>
    /// Counts of the recording at <paramref name="path"/>: entries, inbound, outbound, the earliest and
    /// latest timestamps and the duration between them. Malformed lines are skipped and counted.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<RecordingMetadata> GetMetadataAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        long count = 0, inbound = 0, outbound = 0, skipped = 0;
        DateTime? first = null, last = null;
        var options = new ReadOptions { SkipMalformed = true, OnSkipped = _ => skipped++ };
        await foreach (var entry in ReadEntriesAsync(path, options, cancellationToken).ConfigureAwait(false))
        {
            count++;
            if (entry.Direction == Direction.In) inbound++;
            else outbound++;
            // Many producers timestamp on their own side, so file order is not time order: take min and max.
            if (first is null || entry.Timestamp < first) first = entry.Timestamp;
            if (last is null || entry.Timestamp > last) last = entry.Timestamp;
        }
        var duration = first is { } f && last is { } l ? l - f : TimeSpan.Zero;
        return new RecordingMetadata(count, inbound, outbound, first, last, duration, skipped);
    }

    private static async IAsyncEnumerable<RecordedEntry> ReadEntriesAsync(string path, ReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (line, number) in LineReader.ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (EntryParser.TryParse(line, number, out var entry, out var error))
            {
                yield return entry!;
                continue;
            }
            var located = error!.At(number, path);
            if (!options.SkipMalformed) throw located;
            options.OnSkipped?.Invoke(located);
        }
    }
}

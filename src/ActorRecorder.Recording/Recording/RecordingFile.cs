using Microsoft.Win32.SafeHandles;

namespace ActorRecorder.Recording;

/// <summary>
/// The open recording file of one recorder incarnation. Writes go straight to the OS (the recorder
/// buffers whole lines itself, so a crash never leaves half a line in a stream buffer), and a file
/// removed under the recorder is reported as a write error instead of being written into the void.
/// </summary>
/// <remarks>
/// A bare handle with positional writes rather than a <see cref="FileStream"/>: the recorder needs
/// no stream buffer, and a thousand idle recorders are a thousand open files, so the stream and its
/// strategy object are memory for nothing. A FIFO has no position to write at: it gets a stream.
/// </remarks>
internal sealed class RecordingFile : IDisposable
{
    private const int CompareChunk = 64 * 1024;

    private readonly SafeFileHandle _handle;
    private readonly FileStream? _sequential;

    private RecordingFile(string path, SafeFileHandle handle)
    {
        Path = path;
        _handle = handle;
        try
        {
            Length = RandomAccess.GetLength(handle);
        }
        catch (NotSupportedException)
        {
            _sequential = new FileStream(handle, FileAccess.Write, bufferSize: 0);
        }
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Where the next write goes: the file's length as far as this recorder knows (counted from 0 for a FIFO).</summary>
    public long Length { get; private set; }

    /// <summary>Opens (creates, empties or appends to) the file.</summary>
    public static RecordingFile Open(string path, RecorderFileMode mode)
    {
        // Not FileMode.Create: .NET empties the file with ftruncate even when it has just created it,
        // and ext4 takes a truncation to zero for "the file is being replaced" (auto_da_alloc) and starts
        // writing the whole recording back to disk when it is closed. Only a file with content is emptied.
        var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write,
            // Readers may follow the recording while it grows; a rotation may remove it.
            FileShare.Read | FileShare.Delete);
        try
        {
            var file = new RecordingFile(path, handle);
            if (mode == RecorderFileMode.Truncate && file.Length > 0)
            {
                RandomAccess.SetLength(handle, 0);
                file.Length = 0;
            }
            return file;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Writes bytes to the OS at <see cref="Length"/>, and counts them.</summary>
    /// <exception cref="RecorderWriteException">The file was removed.</exception>
    /// <exception cref="IOException">The OS refused the write (disk full, I/O error); part of the bytes may have reached the file.</exception>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        WriteAt(bytes, Length);
        Length += bytes.Length;
    }

    /// <summary>
    /// Writes bytes to the OS at <paramref name="offset"/> without counting them (see <see cref="Advance"/>):
    /// the write-behind path, run on a pool thread while the recorder formats on. One at a time.
    /// </summary>
    /// <exception cref="RecorderWriteException">The file was removed.</exception>
    /// <exception cref="IOException">The OS refused the write (disk full, I/O error); part of the bytes may have reached the file.</exception>
    public void WriteAt(ReadOnlySpan<byte> bytes, long offset)
    {
        // On Unix a removed file still accepts writes, which nobody will ever read: treat it as the
        // write error it is, so the restarted recorder creates the file again.
        if (!File.Exists(Path)) throw new RecorderWriteException(Path, "the file was removed while it was being recorded");
        if (_sequential is not null) _sequential.Write(bytes);
        else RandomAccess.Write(_handle, bytes, offset);
    }

    /// <summary>Counts <paramref name="count"/> bytes that <see cref="WriteAt"/> wrote at <see cref="Length"/>.</summary>
    public void Advance(int count) => Length += count;

    /// <summary>Asks the OS to put the written bytes on disk (fsync).</summary>
    public void Sync()
    {
        if (_sequential is not null) _sequential.Flush(flushToDisk: true);
        else RandomAccess.FlushToDisk(_handle);
    }

    /// <summary>
    /// After a restart, makes the file and the carried-over <paramref name="pending"/> bytes fit together:
    /// when a write that failed at <paramref name="failedAt"/> had partly reached the file, the bytes that
    /// did are dropped from <paramref name="pending"/> (so no entry is written twice); otherwise, if the
    /// file does not end with a newline (a half line), one is added so the next entry starts its own line.
    /// Best effort: a file that cannot be read back is left as it is.
    /// </summary>
    /// <returns>The entries and bytes found already written.</returns>
    public (int Entries, long Bytes) Reconcile(PendingBuffer pending, long failedAt)
    {
        if (_sequential is not null || Length <= 0) return (0, 0);
        try
        {
            using var reader = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var reached = Length - failedAt;
            if (failedAt >= 0 && reached > 0 && reached <= pending.Length && Matches(reader, failedAt, pending.Written[..(int)reached]))
                return (pending.DropPrefix((int)reached), reached);

            Span<byte> last = stackalloc byte[1];
            if (RandomAccess.Read(reader, last, Length - 1) == 1 && last[0] != (byte)'\n')
            {
                RandomAccess.Write(_handle, "\n"u8, Length);
                Length++;
                return (0, 1);
            }
        }
        catch (IOException)
        {
            // Cannot read it back: write on, the reader reports a damaged line if there is one.
        }
        catch (UnauthorizedAccessException)
        {
            // A write-only file: same as above.
        }
        return (0, 0);
    }

    public void Dispose()
    {
        _sequential?.Dispose();
        _handle.Dispose();
    }

    private static bool Matches(SafeFileHandle reader, long offset, ReadOnlySpan<byte> expected)
    {
        var chunk = new byte[Math.Min(CompareChunk, expected.Length)];
        while (!expected.IsEmpty)
        {
            var want = Math.Min(chunk.Length, expected.Length);
            var read = RandomAccess.Read(reader, chunk.AsSpan(0, want), offset);
            if (read <= 0 || !chunk.AsSpan(0, read).SequenceEqual(expected[..read])) return false;
            expected = expected[read..];
            offset += read;
        }
        return true;
    }
}

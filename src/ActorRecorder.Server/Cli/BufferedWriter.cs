using System.Text;

namespace ActorRecorder.Server.Cli;

/// <summary>
/// Gathers small writes into large ones for a writer that flushes on every write, as the console's stdout does:
/// a HAR streamed to a pipe is written token by token, and unbuffered that costs a system call per token.
/// </summary>
internal sealed class BufferedWriter(TextWriter inner) : TextWriter
{
    private const int Capacity = 64 * 1024;

    private readonly StringBuilder _buffer = new(Capacity);

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        _buffer.Append(value);
        if (_buffer.Length >= Capacity) Drain();
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count)
    {
        _buffer.Append(buffer, index, count);
        if (_buffer.Length >= Capacity) Drain();
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        _buffer.Append(value);
        if (_buffer.Length >= Capacity) Drain();
    }

    /// <inheritdoc />
    public override void Flush()
    {
        Drain();
        inner.Flush();
    }

    /// <inheritdoc />
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await inner.WriteAsync(_buffer, cancellationToken).ConfigureAwait(false);
        _buffer.Clear();
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // The inner writer is the caller's (the console): what is buffered goes out, the writer stays open.
        if (disposing) Flush();
        base.Dispose(disposing);
    }

    private void Drain()
    {
        inner.Write(_buffer);
        _buffer.Clear();
    }
}

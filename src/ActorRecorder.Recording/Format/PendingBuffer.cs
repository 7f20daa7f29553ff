using System.Buffers;

namespace ActorRecorder.Recording;

/// <summary>
/// The entries a recorder has formatted but not yet written: UTF-8 bytes, whole lines only, and
/// their count. The array is rented from the shared pool at the first entry, kept from one write to
/// the next while the recorder is busy (<see cref="Reset"/>), and given back when it goes idle
/// (<see cref="Clear"/>), so that an idle recorder holds no buffer.
/// </summary>
internal sealed class PendingBuffer
{
    private const int InitialSize = 16 * 1024;

    // Arrays above this are not returned to the pool after a write: one 10 MB frame should not
    // keep 16 MB alive in the pool for the rest of the process.
    private const int LargestPooled = 2 * 1024 * 1024;

    private byte[]? _array;
    private int _length;

    /// <summary>Bytes pending.</summary>
    public int Length => _length;

    /// <summary>Whole entries pending.</summary>
    public int Entries { get; private set; }

    /// <summary>The pending bytes.</summary>
    public ReadOnlySpan<byte> Written => _array is null ? default : _array.AsSpan(0, _length);

    /// <summary>A span of at least <paramref name="sizeHint"/> bytes to write into; call <see cref="Advance"/> after.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_length);
    }

    /// <summary>Counts <paramref name="count"/> bytes written into the span of <see cref="GetSpan"/>.</summary>
    public void Advance(int count) => _length += count;

    /// <summary>Appends one byte.</summary>
    public void Add(byte value)
    {
        Ensure(1);
        _array![_length++] = value;
    }

    /// <summary>Appends bytes.</summary>
    public void Add(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_array.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Counts one more complete entry (its line, newline included, has been added).</summary>
    public void CompleteEntry() => Entries++;

    /// <summary>Forgets the bytes after <paramref name="length"/> (an entry that failed halfway).</summary>
    public void Truncate(int length)
    {
        if ((uint)length > (uint)_length) throw new ArgumentOutOfRangeException(nameof(length));
        _length = length;
    }

    /// <summary>
    /// Forgets the first <paramref name="count"/> bytes, which reached the file before a write failed;
    /// returns how many whole entries they held.
    /// </summary>
    public int DropPrefix(int count)
    {
        if ((uint)count > (uint)_length) throw new ArgumentOutOfRangeException(nameof(count));
        var prefix = _array.AsSpan(0, count);
        var entries = prefix.Count((byte)'\n');
        _array.AsSpan(count, _length - count).CopyTo(_array);
        _length -= count;
        Entries -= entries;
        return entries;
    }

    /// <summary>Whether an array is held (specs check that an idle recorder holds none).</summary>
    internal bool HoldsArray => _array is not null;

    /// <summary>
    /// Forgets everything (it was written) and keeps the array for the next entries, unless it grew
    /// beyond what the pool keeps (a huge frame): a busy recorder does not grow its buffer again for every write.
    /// </summary>
    public void Reset()
    {
        _length = 0;
        Entries = 0;
        if (_array is { Length: > LargestPooled })
        {
            _array = null;
        }
    }

    /// <summary>Forgets everything (it was written) and gives the array back to the pool.</summary>
    public void Clear()
    {
        _length = 0;
        Entries = 0;
        Return(_array);
        _array = null;
    }

    /// <summary>Gives an array back to the pool, unless it is too large to keep there.</summary>
    private static void Return(byte[]? array)
    {
        if (array is not null && array.Length <= LargestPooled) ArrayPool<byte>.Shared.Return(array);
    }

    private void Ensure(int more)
    {
        var needed = (long)_length + more;
        if (_array is not null && needed <= _array.Length) return;
        if (needed > Array.MaxLength) throw new OutOfMemoryException($"A recording entry would need a buffer of {needed} bytes.");
        var size = (int)Math.Min(Array.MaxLength, Math.Max(needed, _array is null ? InitialSize : (long)_array.Length * 2));
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        if (_array is not null)
        {
            _array.AsSpan(0, _length).CopyTo(bigger);
            Return(_array);
        }
        _array = bigger;
    }
}

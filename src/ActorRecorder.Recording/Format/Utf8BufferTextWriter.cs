using System.Text;
using System.Text.Unicode;

namespace ActorRecorder.Recording;

/// <summary>
/// The <see cref="TextWriter"/> under Newtonsoft's <c>JsonTextWriter</c>: encodes characters to UTF-8
/// straight into a <see cref="PendingBuffer"/>, with no character buffer of its own, so the entry
/// writer can put bytes it encodes itself (timestamp, Base64) between the JSON writer's output.
/// </summary>
/// <remarks>
/// An unpaired surrogate becomes U+FFFD, so every line is valid UTF-8 and valid JSON. That is also
/// what reached the peer: a WebSocket text frame is UTF-8, and .NET's UTF-8 encoder replaces unpaired
/// surrogates the same way when the session sends the string.
/// </remarks>
internal sealed class Utf8BufferTextWriter(PendingBuffer buffer) : TextWriter
{
    private static readonly byte[] Replacement = [0xEF, 0xBF, 0xBD];

    // A high surrogate at the end of one write waits for the low surrogate of the next.
    private char _pendingHigh;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (_pendingHigh == 0 && value < 0x80)
        {
            buffer.Add((byte)value);
            return;
        }
        Write(new ReadOnlySpan<char>(in value));
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty) return;
        if (_pendingHigh != 0)
        {
            var high = _pendingHigh;
            _pendingHigh = '\0';
            if (char.IsLowSurrogate(chars[0]))
            {
                Span<char> pair = [high, chars[0]];
                Encode(pair);
                chars = chars[1..];
            }
            else
            {
                buffer.Add(Replacement);
            }
        }
        if (chars.IsEmpty) return;
        if (char.IsHighSurrogate(chars[^1]))
        {
            _pendingHigh = chars[^1];
            chars = chars[..^1];
        }
        Encode(chars);
    }

    /// <summary>Ends an entry: a high surrogate still waiting has no partner and becomes U+FFFD.</summary>
    public void Complete()
    {
        if (_pendingHigh == 0) return;
        _pendingHigh = '\0';
        buffer.Add(Replacement);
    }

    /// <summary>Forgets a waiting high surrogate (the entry it belonged to was abandoned).</summary>
    public void Reset() => _pendingHigh = '\0';

    private void Encode(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty) return;
        // At most 3 bytes per UTF-16 code unit.
        var destination = buffer.GetSpan(checked(chars.Length * 3));
        Utf8.FromUtf16(chars, destination, out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
        buffer.Advance(written);
    }
}

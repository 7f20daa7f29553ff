using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ActorRecorder.Http;

/// <summary>
/// The upgraded connection's stream, seen through a reader of client frame headers: ASP.NET Core's WebSocket
/// reassembles frames and never reports one, so the frame size limit (roadrunner's max_frame_size) is checked here,
/// on the bytes as they arrive. A frame over the limit ends the read with <see cref="FrameTooBigException"/>; the
/// session then answers close 1009 itself, on <see cref="Inner"/>.
/// </summary>
internal sealed class FrameLimitStream(IHttpUpgradeFeature upgrade, long maxFrameSize) : Stream, IHttpUpgradeFeature
{
    // One object is both the upgrade feature ASP.NET Core's WebSocket calls and the stream it gets: less per session.
    private Stream? _inner;
    private enum Part { First, Length, Extended, Mask, Payload }

    private Part _part = Part.First;
    private int _needed; // bytes left in the current header part
    private long _length; // the extended length being read
    private long _payload; // payload bytes left in the current frame

    public Stream Inner => _inner ?? throw new InvalidOperationException("The connection has not been upgraded.");

    public bool IsUpgradableRequest => upgrade.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync()
    {
        _inner = await upgrade.UpgradeAsync().ConfigureAwait(false);
        return this;
    }

    public bool FrameTooBig { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Inspect(buffer.Span[..read]);
        return read;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        await ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);

    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            switch (_part)
            {
                case Part.First:
                    i++;
                    _part = Part.Length;
                    break;
                case Part.Length:
                    var length = bytes[i++] & 0x7F;
                    (_part, _needed, _length) = length switch
                    {
                        126 => (Part.Extended, 2, 0L),
                        127 => (Part.Extended, 8, 0L),
                        _ => (Part.Mask, 4, length),
                    };
                    if (_part == Part.Mask) Check();
                    break;
                case Part.Extended:
                    _length = (_length << 8) | bytes[i++];
                    if (--_needed == 0)
                    {
                        (_part, _needed) = (Part.Mask, 4);
                        Check();
                    }
                    break;
                case Part.Mask:
                    var mask = Math.Min(_needed, bytes.Length - i);
                    i += mask;
                    _needed -= mask;
                    if (_needed == 0) (_part, _payload) = _length == 0 ? (Part.First, 0L) : (Part.Payload, _length);
                    break;
                case Part.Payload:
                    var take = (int)Math.Min(_payload, bytes.Length - i);
                    i += take;
                    _payload -= take;
                    if (_payload == 0) _part = Part.First;
                    break;
            }
        }
    }

    private void Check()
    {
        if (_length <= maxFrameSize) return;
        FrameTooBig = true;
        throw new FrameTooBigException(_length, maxFrameSize);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => Inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

    public override void Flush() => Inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    // The session closes the connection itself once it has answered 1009 on the inner stream.
    protected override void Dispose(bool disposing)
    {
        if (!FrameTooBig) _inner?.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Put in front of ASP.NET Core's WebSocket middleware: its upgrade then hands this stream to the WebSocket.</summary>
    public static Task UpgradeThroughAsync(HttpContext http, RequestDelegate next, long maxFrameSize)
    {
        if (http.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
            http.Features.Set<IHttpUpgradeFeature>(new FrameLimitStream(upgrade, maxFrameSize));
        return next(http);
    }

    /// <summary>The stream of <paramref name="http"/>'s upgrade, once upgraded.</summary>
    public static FrameLimitStream? Of(HttpContext http) => http.Features.Get<IHttpUpgradeFeature>() is FrameLimitStream { _inner: not null } upgraded ? upgraded : null;
}

/// <summary>A client frame is larger than the listener's max frame size.</summary>
internal sealed class FrameTooBigException(long size, long limit) : IOException($"A frame of {size} bytes is over max-frame-size ({limit}).");

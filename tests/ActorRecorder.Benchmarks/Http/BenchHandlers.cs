using ActorRecorder.Http;
using ActorRecorder.Recording;

namespace ActorRecorder.Benchmarks.Http;

/// <summary>Sends every message back.</summary>
public sealed class EchoHandler : WebSocketHandler
{
    protected override void HandleFrame(Frame frame) => Send(frame);
}

/// <summary>Does nothing but count its start, so a benchmark knows when every session has its actor.</summary>
public sealed class IdleHandler(IdleHandler.Started started) : WebSocketHandler
{
    protected override void PreStart() => started.One();

    protected override void HandleFrame(Frame frame)
    {
    }

    /// <summary>How many <see cref="IdleHandler"/>s have started.</summary>
    public sealed class Started
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void One() => Interlocked.Increment(ref _count);
    }
}

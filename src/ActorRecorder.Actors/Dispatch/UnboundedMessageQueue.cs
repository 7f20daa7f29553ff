namespace ActorRecorder.Actors;

/// <summary>
/// An unbounded multi-producer/single-consumer queue made of array segments.
/// A producer claims a slot with one atomic increment and publishes by writing the message last;
/// the consumer needs no atomic operation at all. The first segment is allocated on the first
/// message and is small, so an idle actor costs little; segments grow while the consumer is
/// behind and shrink back when it keeps up. When the consumer finds a large segment drained, it
/// seals it (no producer can claim a slot in it any more) and starts a small one, so a burst does
/// not leave an idle actor holding a big array.
/// </summary>
internal sealed class UnboundedMessageQueue : MessageQueue
{
    private const int FirstSegmentSize = 4;
    private const int KeepingUpSegmentSize = 16;

    /// <summary>Segments at least this large are given up when drained; smaller ones are cheap to keep.</summary>
    private const int ShrinkFromSegmentSize = 256;

    /// <summary>The claim counter of a sealed segment: far past any index, so every later claim waits for the next segment.</summary>
    private const int Sealed = int.MaxValue / 2;
    private const int MaxSegmentSize = 4096; // 64 KiB of slots: stays out of the large-object heap.

    private Segment? _head;
    private int _headIndex;
    private Segment? _tail;

    public override EnqueueOutcome Enqueue(object message, IActorRef? sender, out Envelope dropped)
    {
        dropped = default;
        var segment = Volatile.Read(ref _tail) ?? CreateFirstSegment();
        while (true)
        {
            var index = Interlocked.Increment(ref segment.Reserved) - 1;
            var slots = segment.Slots;
            if ((uint)index < (uint)slots.Length)
            {
                slots[index].Sender = sender;
                // Publishes with a full fence: the mailbox reads its scheduling state right after.
                Interlocked.Exchange(ref slots[index].Message, message);
                return EnqueueOutcome.Enqueued;
            }

            if (index == slots.Length)
            {
                // This producer claimed the first slot past the end: it appends the next segment
                // with its own message already in slot 0, published by linking the segment.
                var next = new Segment(NextSegmentSize(segment)) { Reserved = 1 };
                next.Slots[0].Sender = sender;
                next.Slots[0].Message = message;
                Volatile.Write(ref segment.Next, next);
                Interlocked.Exchange(ref _tail, next);
                return EnqueueOutcome.Enqueued;
            }

            // Another producer is appending the next segment; wait for it, then retry there.
            var spinner = new SpinWait();
            while (ReferenceEquals(Volatile.Read(ref _tail), segment)) spinner.SpinOnce();
            segment = Volatile.Read(ref _tail)!;
        }
    }

    private Segment CreateFirstSegment()
    {
        var first = new Segment(FirstSegmentSize);
        if (Interlocked.CompareExchange(ref _head, first, null) is null)
        {
            Volatile.Write(ref _tail, first);
            return first;
        }

        var spinner = new SpinWait();
        Segment? tail;
        while ((tail = Volatile.Read(ref _tail)) is null) spinner.SpinOnce();
        return tail;
    }

    private int NextSegmentSize(Segment full)
    {
        // A heuristic read of the consumer's position: if it has drained most of the full
        // segment it keeps up, and a small segment avoids holding memory in idle actors.
        var keepingUp = ReferenceEquals(Volatile.Read(ref _head), full)
                        && Volatile.Read(ref _headIndex) >= full.Slots.Length - (full.Slots.Length / 4);
        return keepingUp ? KeepingUpSegmentSize : Math.Min(Math.Max(full.Slots.Length * 2, KeepingUpSegmentSize), MaxSegmentSize);
    }

    public override bool TryDequeue(out Envelope envelope)
    {
        var segment = Volatile.Read(ref _head);
        if (segment is null)
        {
            envelope = default;
            return false;
        }

        var index = _headIndex;
        while (true)
        {
            var slots = segment.Slots;
            if ((uint)index < (uint)segment.Limit)
            {
                var message = Volatile.Read(ref slots[index].Message);
                if (message is null)
                {
                    ShrinkIfDrained(segment, index);
                    envelope = default;
                    return false;
                }

                envelope = new Envelope(message, slots[index].Sender);
                slots[index] = default; // let the message be collected as soon as it is processed
                Volatile.Write(ref _headIndex, index + 1);
                return true;
            }

            var next = Volatile.Read(ref segment.Next);
            if (next is null)
            {
                envelope = default;
                return false;
            }

            _head = segment = next;
            Volatile.Write(ref _headIndex, index = 0);
        }
    }

    public override bool HasMessages
    {
        get
        {
            var segment = Volatile.Read(ref _head);
            if (segment is null) return false;
            var index = _headIndex;
            if ((uint)index < (uint)segment.Limit) return Volatile.Read(ref segment.Slots[index].Message) is not null;
            return Volatile.Read(ref segment.Next) is not null;
        }
    }

    /// <summary>The slots of the segment producers write to now (observed by specs).</summary>
    internal int TailCapacity => Volatile.Read(ref _tail)?.Slots.Length ?? 0;

    /// <summary>
    /// The consumer found a large segment empty: if every claimed slot has been consumed, seal it and
    /// continue in a small new segment. A producer that claims a slot first wins; then nothing changes.
    /// </summary>
    private void ShrinkIfDrained(Segment segment, int index)
    {
        if (segment.Slots.Length < ShrinkFromSegmentSize || Volatile.Read(ref segment.Next) is not null) return;
        if (Volatile.Read(ref segment.Reserved) != index) return;
        if (Interlocked.CompareExchange(ref segment.Reserved, Sealed, index) != index) return;
        segment.Limit = index;
        var next = new Segment(FirstSegmentSize);
        Volatile.Write(ref segment.Next, next);
        Interlocked.Exchange(ref _tail, next);
        _head = next;
        Volatile.Write(ref _headIndex, 0);
    }

    public override int Count
    {
        get
        {
            var count = 0;
            var segment = Volatile.Read(ref _head);
            var index = _headIndex;
            while (segment is not null)
            {
                var published = Math.Min(Volatile.Read(ref segment.Reserved), segment.Limit);
                count += Math.Max(0, published - index);
                segment = Volatile.Read(ref segment.Next);
                index = 0;
            }
            return count;
        }
    }

    private struct Slot
    {
        public object? Message;
        public IActorRef? Sender;
    }

    private sealed class Segment(int size)
    {
        public readonly Slot[] Slots = new Slot[size];
        public int Reserved;

        /// <summary>The slots the consumer reads: all of them, unless the consumer sealed the segment early.</summary>
        public int Limit = size;

        public Segment? Next;
    }
}

using System.Collections;

namespace ActorRecorder.Otp;

/// <summary>
/// A supervisor's children in start order: a doubly linked list threaded through the records themselves, so a
/// child costs no node of its own and leaves from anywhere in the middle at once (thousands of dynamic children).
/// </summary>
internal sealed class ChildList : IEnumerable<ChildRecord>
{
    public ChildRecord? First { get; private set; }

    public ChildRecord? Last { get; private set; }

    public int Count { get; private set; }

    public void AddLast(ChildRecord record)
    {
        record.List = this;
        record.Previous = Last;
        record.Next = null;
        if (Last is null) First = record;
        else Last.Next = record;
        Last = record;
        Count++;
    }

    /// <summary>Takes <paramref name="record"/> out; nothing if it is not in this list.</summary>
    public void Remove(ChildRecord record)
    {
        if (record.List != this) return;
        if (record.Previous is null) First = record.Next;
        else record.Previous.Next = record.Next;
        if (record.Next is null) Last = record.Previous;
        else record.Next.Previous = record.Previous;
        record.List = null;
        record.Previous = record.Next = null;
        Count--;
    }

    public IEnumerator<ChildRecord> GetEnumerator()
    {
        for (var record = First; record is not null; record = record.Next) yield return record;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

namespace ActorRecorder.Actors;

/// <summary>The stash of one actor. Unstashed messages go in front of the mailbox, before anything that arrived meanwhile.</summary>
internal sealed class ActorStash(ActorCell cell) : IStash
{
    public int Count => cell.StashList.Count;

    public void Stash()
    {
        var current = cell.CurrentEnvelope
                      ?? throw new InvalidOperationException("Stash() can only be called while processing a message.");
        var stash = cell.StashList;
        if (stash.Last is { } last && ReferenceEquals(last.Value.Message, current.Message))
            throw new InvalidOperationException($"The message of type {current.Message.GetType().Name} is already stashed; a message can be stashed once.");
        stash.AddLast(current);
    }

    public void Unstash()
    {
        var stash = cell.StashList;
        if (stash.First is not { } first) return;
        stash.RemoveFirst();
        cell.UnstashedList.AddFirst(first.Value);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var stash = cell.StashList;
        var unstashed = cell.UnstashedList;
        // Walk newest to oldest, adding each at the front: the oldest ends up first.
        for (var node = stash.Last; node is not null;)
        {
            var previous = node.Previous;
            if (predicate(node.Value))
            {
                stash.Remove(node);
                unstashed.AddFirst(node.Value);
            }
            node = previous;
        }
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        var stash = cell.StashList;
        var all = stash.ToList();
        stash.Clear();
        return all;
    }
}

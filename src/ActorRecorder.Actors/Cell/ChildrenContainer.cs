namespace ActorRecorder.Actors;

/// <summary>
/// The children of one actor by name and in start order (an intrusive list through the child
/// cells). Guarded by its own lock because top-level actors are created from any thread.
/// </summary>
internal sealed class ChildrenContainer
{
    private readonly Dictionary<string, ActorCell> _byName = new(StringComparer.Ordinal);
    private ActorCell? _first;
    private ActorCell? _last;
    private long _nameCounter;
    private bool _closed;

    /// <summary>Children asked to stop whose termination has not arrived yet (parent's turn only).</summary>
    public int StoppingCount;

    /// <summary>Adds a child under a free name; the factory runs under the lock so the name check and the insert are atomic.</summary>
    public ActorCell Add(string? name, Func<string, ActorCell> create, string parentPath)
    {
        lock (this)
        {
            if (_closed)
                throw new InvalidOperationException($"Cannot create child '{name}' of {parentPath}: the actor is terminating.");
            name ??= "$" + EncodeName(++_nameCounter);
            if (_byName.ContainsKey(name))
                throw new InvalidActorNameException(name, $"it is already taken by a child of {parentPath}");
            var child = create(name);
            _byName.Add(name, child);
            child.PrevSibling = _last;
            if (_last is null) _first = child;
            else _last.NextSibling = child;
            _last = child;
            return child;
        }
    }

    /// <summary>Removes <paramref name="child"/> if it is still registered; false if it was removed before.</summary>
    public bool Remove(ActorCell child)
    {
        lock (this)
        {
            if (!_byName.TryGetValue(child.Self.Path.Name, out var registered) || !ReferenceEquals(registered, child)) return false;
            _byName.Remove(child.Self.Path.Name);
            if (child.PrevSibling is null) _first = child.NextSibling;
            else child.PrevSibling.NextSibling = child.NextSibling;
            if (child.NextSibling is null) _last = child.PrevSibling;
            else child.NextSibling.PrevSibling = child.PrevSibling;
            child.PrevSibling = child.NextSibling = null;
            return true;
        }
    }

    public bool Contains(ActorCell child)
    {
        lock (this) return _byName.TryGetValue(child.Self.Path.Name, out var registered) && ReferenceEquals(registered, child);
    }

    public ActorCell? Get(string name)
    {
        lock (this) return _byName.GetValueOrDefault(name);
    }

    public bool IsEmpty
    {
        get
        {
            lock (this) return _first is null;
        }
    }

    /// <summary>The children in start order.</summary>
    public List<ActorCell> Snapshot()
    {
        lock (this)
        {
            var list = new List<ActorCell>(_byName.Count);
            for (var c = _first; c is not null; c = c.NextSibling) list.Add(c);
            return list;
        }
    }

    /// <summary>Refuses new children from now on and returns the current ones in start order.</summary>
    public List<ActorCell> CloseAndSnapshot()
    {
        lock (this)
        {
            _closed = true;
            return Snapshot();
        }
    }

    private static string EncodeName(long n)
    {
        // Short, URI-safe generated names: $a, $b, … $ba …
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        do
        {
            buffer[--i] = (char)('a' + (n % 26));
            n /= 26;
        }
        while (n > 0);
        return new string(buffer[i..]);
    }
}

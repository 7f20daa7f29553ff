using System.Text;

namespace ActorRecorder.Actors;

/// <summary>
/// The logical location of an actor: an <see cref="Address"/> and the names from the root down.
/// Two paths are equal when address and elements are equal; the incarnation <see cref="Uid"/>
/// is carried along but does not take part in path equality (it does in actor-ref equality).
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    private readonly ActorPath? _parent;
    private readonly Address _address;

    private ActorPath(Address address)
    {
        _address = address;
        Name = "/";
        Depth = 0;
    }

    private ActorPath(ActorPath parent, string name, long uid)
    {
        _parent = parent;
        _address = parent._address;
        Name = name;
        Uid = uid;
        Depth = parent.Depth + 1;
    }

    /// <summary>The root path of an address (<c>akka://system/</c>).</summary>
    public static ActorPath Root(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new ActorPath(address);
    }

    /// <summary>The address of the system that hosts the actor.</summary>
    public Address Address => _address;

    /// <summary>The last element; <c>/</c> for the root.</summary>
    public string Name { get; }

    /// <summary>The incarnation uid of the actor at this path, 0 when undefined.</summary>
    public long Uid { get; }

    /// <summary>The number of elements below the root.</summary>
    public int Depth { get; }

    /// <summary>The parent path; the root is its own parent.</summary>
    public ActorPath Parent => _parent ?? this;

    /// <summary>The root of this path.</summary>
    public ActorPath RootPath
    {
        get
        {
            var p = this;
            while (p._parent is not null) p = p._parent;
            return p;
        }
    }

    /// <summary>The element names from the root (exclusive) down to this path.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var names = new string[Depth];
            var p = this;
            for (var i = Depth - 1; i >= 0; i--)
            {
                names[i] = p.Name;
                p = p._parent!;
            }
            return names;
        }
    }

    /// <summary>A child path of this path.</summary>
    /// <param name="name">A valid actor name.</param>
    public ActorPath Child(string name) => Child(name, 0);

    /// <summary>This path with another incarnation uid.</summary>
    public ActorPath WithUid(long uid) => _parent is null || uid == Uid ? this : new ActorPath(_parent, Name, uid);

    /// <summary>A child path with an incarnation uid.</summary>
    internal ActorPath Child(string name, long uid) => new(this, name, uid);

    /// <summary>Appends a slash-separated relative path such as <c>user/a/b</c>.</summary>
    public static ActorPath operator /(ActorPath path, string relative)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(relative);
        var result = path;
        foreach (var element in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
            result = result.Child(element);
        return result;
    }

    /// <summary>The path without address: <c>/user/a/b</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (_parent is null) return "/";
        var sb = new StringBuilder(Depth * 12);
        AppendElements(sb);
        return sb.ToString();
    }

    /// <summary>The full path: <c>akka://system/user/a/b</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(32 + Depth * 12);
        sb.Append(_address);
        if (_parent is null) sb.Append('/');
        else AppendElements(sb);
        return sb.ToString();
    }

    /// <summary>The full path with the uid: <c>akka://system/user/a#123</c>.</summary>
    public string ToSerializationFormat() => Uid == 0 ? ToString() : $"{this}#{Uid}";

    private void AppendElements(StringBuilder sb)
    {
        if (_parent is null) return;
        _parent.AppendElements(sb);
        sb.Append('/').Append(Name);
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Depth != Depth) return false;
        var a = this;
        var b = other;
        while (a._parent is not null)
        {
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal)) return false;
            a = a._parent;
            b = b._parent!;
            if (ReferenceEquals(a, b)) return true;
        }
        return a._address == b._address;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var p = this; p._parent is not null; p = p._parent) hash.Add(p.Name, StringComparer.Ordinal);
        hash.Add(_address);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    /// <summary>Path equality.</summary>
    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Path inequality.</summary>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);

    /// <summary>Path ordering.</summary>
    public static bool operator <(ActorPath left, ActorPath right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Path ordering.</summary>
    public static bool operator >(ActorPath left, ActorPath right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Path ordering.</summary>
    public static bool operator <=(ActorPath left, ActorPath right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Path ordering.</summary>
    public static bool operator >=(ActorPath left, ActorPath right) => left is null ? right is null : left.CompareTo(right) >= 0;
}

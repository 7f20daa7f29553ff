namespace ActorRecorder.Actors;

/// <summary>
/// Base of every reference the kernel creates. Adds what the kernel needs beside Tell:
/// system messages (watch, link, stop…) and whether the target is known to be dead.
/// </summary>
internal abstract class InternalActorRef : IActorRef
{
    private int _hash;

    public abstract ActorPath Path { get; }

    /// <summary>True once the target has terminated (or never existed).</summary>
    public abstract bool IsTerminated { get; }

    /// <summary>True for refs whose target runs in this process.</summary>
    public virtual bool IsLocal => true;

    /// <summary>The system the ref belongs to; null for <see cref="ActorRefs.Nobody"/>.</summary>
    public abstract ActorSystem? System { get; }

    public abstract void Tell(object message, IActorRef? sender);

    /// <summary>Delivers a kernel signal; signals to a dead target are answered as OTP does (noproc).</summary>
    public abstract void SendSystemMessage(SystemMessage message);

    /// <summary>Asks the target to stop with <paramref name="reason"/>.</summary>
    public virtual void Stop(ExitReason reason) => SendSystemMessage(new Terminate(reason));

    public bool Equals(IActorRef? other) =>
        ReferenceEquals(this, other) || (other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path));

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode()
    {
        var hash = _hash;
        if (hash == 0) _hash = hash = HashCode.Combine(Path, Path.Uid) | 1;
        return hash;
    }

    public int CompareTo(IActorRef? other)
    {
        if (other is null) return 1;
        var byPath = Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : Path.Uid.CompareTo(other.Path.Uid);
    }

    public override string ToString() => $"[{Path.ToSerializationFormat()}]";
}

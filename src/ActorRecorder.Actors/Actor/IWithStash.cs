namespace ActorRecorder.Actors;

/// <summary>An actor that can put messages aside and take them back later. The kernel sets <see cref="Stash"/>.</summary>
public interface IWithStash
{
    /// <summary>The actor's stash; assigned by the kernel before the constructor's handlers can run.</summary>
    IStash Stash { get; set; }
}

/// <summary>Messages put aside by an actor. On restart they return to the mailbox; on stop they become dead letters.</summary>
public interface IStash
{
    /// <summary>Puts the message being processed aside.</summary>
    /// <exception cref="InvalidOperationException">The current message is already stashed.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message in front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts all stashed messages in front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Puts the stashed messages that match in front of the mailbox, oldest first; the rest stay.</summary>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns what it held.</summary>
    IReadOnlyList<Envelope> ClearStash();

    /// <summary>The number of stashed messages.</summary>
    int Count { get; }
}

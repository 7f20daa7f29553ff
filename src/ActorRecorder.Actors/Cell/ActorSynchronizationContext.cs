namespace ActorRecorder.Actors;

/// <summary>
/// Routes continuations of an actor's async handler back into the actor's mailbox, so code after
/// an <c>await</c> runs as part of the actor (one thing at a time, with its Sender) instead of on
/// an arbitrary pool thread.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell, int generation) : SynchronizationContext
{
    public ActorCell Cell { get; } = cell;

    public int Generation { get; } = generation;

    public override void Post(SendOrPostCallback d, object? state) => Cell.PostSystemMessage(new RunContinuation(d, state, Generation));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send into an actor would deadlock it; use Post (await) instead.");

    public override SynchronizationContext CreateCopy() => this;
}

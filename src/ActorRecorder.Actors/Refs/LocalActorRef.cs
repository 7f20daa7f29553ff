using System.Diagnostics.CodeAnalysis;

namespace ActorRecorder.Actors;

/// <summary>The reference to an actor of this process: a path and the cell that runs the actor.</summary>
internal sealed class LocalActorRef : InternalActorRef
{
    private readonly ActorPath _path;

    public LocalActorRef(ActorCell cell, ActorPath path)
    {
        Cell = cell;
        _path = path;
    }

    public ActorCell Cell { get; }

    public override ActorPath Path => _path;

    public override ActorSystem? System => Cell.System;

    public override bool IsTerminated => Cell.IsTerminated;

    public override void Tell(object message, IActorRef? sender)
    {
        RequireMessage(message);
        Cell.Post(message, sender);
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.PostSystemMessage(message);

    /// <summary>Every Tell goes through this: null is never a message.</summary>
    internal static void RequireMessage([NotNull] object? message)
    {
        if (message is null)
            throw new ArgumentNullException(nameof(message), "A message must not be null; send a value such as a record or a singleton instead.");
    }
}

using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>What an actor can see and do about itself: its identity, children, watches, links and behaviour.
/// Use it only from inside the actor (its handlers and lifecycle methods).</summary>
public interface IActorContext : IActorRefFactory
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed, or dead letters when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The parent (supervisor) of this actor.</summary>
    IActorRef Parent { get; }

    /// <summary>The system the actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The props the actor was created with.</summary>
    Props Props { get; }

    /// <summary>A logger whose entries carry this actor's path.</summary>
    ILogger Log { get; }

    /// <summary>Stops an actor: <see cref="ExitReason.Normal"/> for <see cref="Self"/>, <see cref="ExitReason.Shutdown"/> for any other.</summary>
    void Stop(IActorRef actor);

    /// <summary>Watches <paramref name="subject"/>: a <see cref="Terminated"/> arrives when it terminates (at once, with <see cref="ExitReason.NoProc"/>, if it is already dead).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Watches <paramref name="subject"/> and delivers <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; no <see cref="Terminated"/> for the subject arrives after this call.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>The live children, in start order.</summary>
    IEnumerable<IActorRef> GetChildren();

    /// <summary>The child with that name, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>Links this actor with <paramref name="other"/> (both ways), as OTP's <c>link/1</c>.</summary>
    void Link(IActorRef other);

    /// <summary>Removes the link with <paramref name="other"/>; no exit signal from it arrives after this call.</summary>
    void Unlink(IActorRef other);

    /// <summary>When true, exit signals from linked actors arrive as <see cref="Exit"/> messages instead of stopping this actor.</summary>
    bool TrapExit { get; set; }

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour pushed last.</summary>
    void UnbecomeStacked();

    /// <summary>Delivers <see cref="Actors.ReceiveTimeout"/> after this long without a message; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>The current receive timeout, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }
}

using ActorRecorder.Actors;

namespace ActorRecorder.TestKit.Xunit2;

/// <summary>A test actor of its own, with every expectation of the kit: use several to play the parts of several actors.</summary>
public sealed class TestProbe : TestKitBase
{
    private static long _counter;

    internal TestProbe(ActorSystem system, TestKitSettings settings, string? name)
        : base(system, settings, name ?? $"testProbe-{Interlocked.Increment(ref _counter)}")
    {
    }

    /// <summary>The probe's actor.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>Replies to the sender of the last message received.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Ref);
    }

    /// <summary>Forwards the last message received to <paramref name="target"/>, keeping its original sender.</summary>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var message = LastMessage ?? throw new InvalidOperationException("The probe has not received a message to forward.");
        target.Tell(message, LastSender);
    }

    /// <summary>Forwards <paramref name="message"/> to <paramref name="target"/> with the last sender as its sender.</summary>
    public void Forward(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, LastSender);
    }

    /// <inheritdoc />
    public override string ToString() => $"TestProbe({Ref.Path})";
}

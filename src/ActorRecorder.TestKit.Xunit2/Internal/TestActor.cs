using ActorRecorder.Actors;

namespace ActorRecorder.TestKit.Xunit2.Internal;

/// <summary>The actor behind <c>TestActor</c> and every probe: queues whatever it receives for the expectations.</summary>
internal sealed class TestActor(ReceivedQueue queue) : ActorBase
{
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchRequest watch:
                Context.Watch(watch.Target);
                Sender.Tell(WatchRequest.Done, Self);
                break;
            case UnwatchRequest unwatch:
                Context.Unwatch(unwatch.Target);
                Sender.Tell(WatchRequest.Done, Self);
                break;
            default:
                queue.Add(new Envelope(message, Sender));
                break;
        }
        return true;
    }

    internal sealed record WatchRequest(IActorRef Target)
    {
        public static readonly object Done = new();
    }

    internal sealed record UnwatchRequest(IActorRef Target);
}

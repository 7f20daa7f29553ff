namespace ActorRecorder.Actors;

/// <summary>The reference to no actor; messages sent to it are published as dead letters of the system that owns them, if known.</summary>
internal sealed class NobodyRef : InternalActorRef
{
    public static readonly NobodyRef Instance = new();

    private static readonly ActorPath NobodyPath = ActorPath.Root(new Address(Address.LocalProtocol, "all-systems")).Child("Nobody");

    private NobodyRef()
    {
    }

    public override ActorPath Path => NobodyPath;

    public override ActorSystem? System => null;

    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender)
    {
        LocalActorRef.RequireMessage(message);
        // Nobody belongs to no system: route to the sender's system when we can, so the loss is visible.
        if (sender is LocalActorRef local) local.Cell.System.DeadLetters.Tell(new DeadLetter(message, sender, this), sender);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch) watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExitReason.NoProc));
    }
}

namespace ActorRecorder.Actors;

/// <summary>
/// Where messages to dead actors go: each becomes a <see cref="DeadLetter"/> on the event stream
/// (and in the log, rate-limited). <see cref="Identify"/> is still answered, with no subject.
/// </summary>
internal sealed class DeadLetterActorRef : InternalActorRef
{
    private readonly ActorSystem _system;
    private readonly ActorPath _path;

    public DeadLetterActorRef(ActorSystem system, ActorPath path)
    {
        _system = system;
        _path = path;
    }

    public override ActorPath Path => _path;

    public override ActorSystem? System => _system;

    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender)
    {
        LocalActorRef.RequireMessage(message);
        Publish(message is DeadLetter letter ? letter : new DeadLetter(message, sender, this));
    }

    /// <summary>Publishes a message that could not be delivered to <paramref name="recipient"/>.</summary>
    public void Publish(object message, IActorRef? sender, IActorRef recipient) =>
        Publish(new DeadLetter(message, sender, recipient));

    private void Publish(DeadLetter letter)
    {
        switch (letter.Message)
        {
            case Identify identify:
                letter.Sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
                return;
            case DeadLetter:
                return;
        }
        _system.EventStream.Publish(letter);
    }

    public override void SendSystemMessage(SystemMessage message) => ActorCell.AnswerSignalToDeadActor(this, message);
}

namespace ActorRecorder.Actors;

/// <summary>Messages the kernel handles itself before the actor's behaviour sees them.</summary>
public interface IAutoReceivedMessage
{
}

/// <summary>Messages that do not reset an actor's receive timeout.</summary>
public interface INotInfluenceReceiveTimeout
{
}

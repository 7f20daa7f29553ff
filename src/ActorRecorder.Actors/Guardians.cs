namespace ActorRecorder.Actors;

/// <summary>The /user and /system guardians: parents of top-level actors, with the configured strategy.</summary>
internal sealed class Guardian : ActorBase
{
    protected override bool Receive(object message) => false;
}

/// <summary>The root of the hierarchy: stops a guardian that fails, and ends the system when /user stops on its own.</summary>
internal sealed class RootGuardian : ActorBase
{
    protected override void PreStart() => Context.Watch(Cell.System.UserGuardian.Self);

    protected override bool Receive(object message)
    {
        if (message is Terminated terminated && terminated.ActorRef.Equals(Cell.System.UserGuardian.Self))
        {
            Cell.System.OnUserGuardianStopped();
            return true;
        }
        return false;
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;
}

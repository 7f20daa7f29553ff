namespace ActorRecorder.Actors;

/// <summary>
/// The base of every actor: a behaviour (<see cref="Receive"/>) and lifecycle hooks.
/// Instances are made by the kernel from <see cref="Props"/>; never with <c>new</c>.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    /// <exception cref="ActorInitializationException">The actor was created with <c>new</c> instead of through <see cref="Props"/>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.TakeCellUnderConstruction()
                ?? throw new ActorInitializationException(null,
                    $"Actor {GetType().Name} was created with 'new'. Create actors with ActorOf(Props.Create(...)) so they are supervised.");
    }

    /// <summary>This actor's context.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed.</summary>
    protected IActorRef Sender => _cell.Sender;

    internal ActorCell Cell => _cell;

    // The kernel calls the hooks through these, so user overrides stay plain 'protected'.
    internal bool InvokeReceive(object message) => Receive(message);

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();

    /// <summary>The behaviour: handle <paramref name="message"/> and return true, or return false if it is not handled.</summary>
    protected abstract bool Receive(object message);

    /// <summary>Runs in the actor before its first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs in the actor after it stopped processing (and after its children terminated).</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Runs on the failed instance before a restart. The default stops all children (one
    /// at a time, in reverse start order) and calls <see cref="PostStop"/>.</summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The message whose processing failed, if any.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        _cell.StopChildrenForRestart();
        PostStop();
    }

    /// <summary>Runs on the new instance after a restart. The default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>Called with messages the behaviour did not handle. An unhandled <see cref="Terminated"/>
    /// fails the actor with <see cref="DeathPactException"/>; anything else is published as <see cref="UnhandledMessage"/>.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated) throw new DeathPactException(terminated.ActorRef);
        _cell.PublishUnhandled(message);
    }

    /// <summary>The strategy applied to this actor's children when its props do not name one.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => _cell.System.Settings.DefaultSupervisorStrategy;

    /// <summary>Replaces the behaviour.</summary>
    protected void Become(Receive receive) => _cell.Become(receive);

    /// <summary>Pushes a behaviour.</summary>
    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    /// <summary>Pops the behaviour pushed last.</summary>
    protected void UnbecomeStacked() => _cell.UnbecomeStacked();

    /// <summary>Sets or clears the receive timeout.</summary>
    protected void SetReceiveTimeout(TimeSpan? timeout) => _cell.SetReceiveTimeout(timeout);

    /// <summary>Runs an asynchronous piece of work inside the actor: continuations run in the actor
    /// and no other message is processed until the task completes; a fault is a failure of the actor.</summary>
    protected void RunTask(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _cell.RunTask(work);
    }
}

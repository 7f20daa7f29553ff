namespace ActorRecorder.Actors.Tests.Support;

/// <summary>A failure the specs make actors throw on purpose.</summary>
public sealed class TestException(string message) : Exception(message);

/// <summary>Makes a <see cref="Reporter"/> throw <see cref="TestException"/> with <paramref name="Reason"/>.</summary>
public sealed record Crash(string Reason = "boom");

/// <summary>A lifecycle event reported by a <see cref="Reporter"/>.</summary>
public sealed record Lifecycle(string Id, string Event);

/// <summary>Replies with whatever it receives.</summary>
public sealed class Echo : ReceiveActor
{
    public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>
/// Reports its lifecycle to a probe as <see cref="Lifecycle"/> events, throws on <see cref="Crash"/>,
/// stops itself on "stop", creates a child on ("child", name), and passes anything else to the probe (as its sender).
/// </summary>
public sealed class Reporter(IActorRef probe, string id) : UntypedActor
{
    public static Props Props(IActorRef probe, string id) => Actors.Props.Create(() => new Reporter(probe, id));

    protected override void PreStart() => probe.Tell(new Lifecycle(id, "prestart"), Self);

    protected override void PostStop() => probe.Tell(new Lifecycle(id, "poststop"), Self);

    protected override void PreRestart(Exception reason, object? message)
    {
        probe.Tell(new Lifecycle(id, "prerestart"), Self);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        probe.Tell(new Lifecycle(id, "postrestart"), Self);
        base.PostRestart(reason);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Crash crash:
                throw new TestException(crash.Reason);
            case "stop":
                Context.Stop(Self);
                break;
            case ("child", string name):
                Sender.Tell(Context.ActorOf(Props(probe, name), name), Self);
                break;
            default:
                probe.Tell(message, Self);
                break;
        }
    }
}

/// <summary>
/// A parent that creates children on request (Props, or (Props, name)), replies with the child,
/// watches it and forwards its <see cref="Terminated"/> to whoever asked for it; it applies the
/// given strategy to its children.
/// </summary>
public sealed class Parent : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;
    private readonly Dictionary<IActorRef, IActorRef> _requesters = [];

    public Parent(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        Receive<Props>(p => Create(p, null));
        Receive<(Props Props, string Name)>(c => Create(c.Props, c.Name));
        Receive<Terminated>(t =>
        {
            if (_requesters.Remove(t.ActorRef, out var requester)) requester.Tell(t, Self);
        });
    }

    public static Props Props(SupervisorStrategy strategy) => Actors.Props.Create(() => new Parent(strategy));

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;

    private void Create(Props props, string? name)
    {
        var child = Context.ActorOf(props, name);
        Context.Watch(child);
        _requesters[child] = Sender;
        Sender.Tell(child, Self);
    }
}

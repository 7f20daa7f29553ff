using Akka.Actor;

namespace ActorRecorder.Otp.Conformance.Drivers;

/// <summary>
/// The Akka counterpart of the Erlang driver's gen_server worker: it reports <c>PreStart</c> and <c>PostStop</c>
/// to the collector (Akka calls both around a restart in place too), and exits the way a step tells it to.
/// </summary>
internal sealed class ScenarioWorker : UntypedActor
{
    private readonly string _label;
    private readonly IActorRef _collector;

    public ScenarioWorker(string label, IActorRef collector)
    {
        _label = label;
        _collector = collector;
    }

    public static Props Props(string label, IActorRef collector) => Akka.Actor.Props.Create(typeof(ScenarioWorker), label, collector);

    protected override void PreStart() => _collector.Tell(new TraceCollector.Started(_label, Self, IsSupervisor: false));

    protected override void PostStop() => _collector.Tell(new TraceCollector.Stopped(_label, Self));

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Scenarios.ChildExitKind.Crash:
                throw new InvalidOperationException($"{_label} crashes, as the scenario says.");
            case Scenarios.ChildExitKind.ExitNormal:
                Context.Stop(Self);
                break;
            case Scenarios.ChildExitKind.ExitShutdown:
                throw new ExitException(ExitReason.Shutdown);
            default:
                Unhandled(message);
                break;
        }
    }
}

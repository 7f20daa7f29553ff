using Akka.Actor;

namespace ActorRecorder.Otp.Conformance.Drivers;

/// <summary>
/// The top supervisor's parent, as the Erlang driver process is: it starts the supervisor, shuts it down
/// when a step says so, and reports its exit with OTP's reason. It never restarts it.
/// </summary>
internal sealed class ScenarioParent : ReceiveActor
{
    private readonly IActorRef _collector;
    private IActorRef? _top;
    private Exception? _failure;

    public ScenarioParent(IActorRef collector)
    {
        _collector = collector;
        Receive<StartTop>(start =>
        {
            // StartAsync creates the child here, in this actor's context, and then waits for its children to start.
            var started = Supervisor.StartAsync(Context, "top", start.Flags, start.Children);
            _top = Context.Child("top");
            Context.Watch(_top);
            started.PipeTo(Sender);
        });
        Receive<ShutdownTop>(_ =>
        {
            _top?.Tell(GracefulShutdown.Instance);
        });
        Receive<Terminated>(t => t.ActorRef.Equals(_top), _ => _collector.Tell(new TraceCollector.SupervisorExited(Reason())));
    }

    public static Props Props(IActorRef collector) => Akka.Actor.Props.Create(typeof(ScenarioParent), collector);

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(cause =>
    {
        _failure = cause;
        return Directive.Stop;
    });

    /// <summary>
    /// OTP's exit reason. A supervisor that gives up and one that is shut down both exit with <c>shutdown</c>; the trace
    /// tells them apart. Under a parent that is not a <see cref="Supervisor"/>, ours exits with <c>shutdown</c> by stopping
    /// (an Akka parent would restart a failure; DEVIATIONS.md), so a stop nobody asked for is auto_shutdown's.
    /// </summary>
    private string Reason() => _failure switch
    {
        MaxRestartIntensityReachedException => "reached_max_restart_intensity",
        ExitException exit => exit.Reason.ToString() ?? "unknown",
        null => "shutdown",
        var other => $"crashed {other.GetType().Name}",
    };

    public sealed record StartTop(SupervisorFlags Flags, IReadOnlyList<ChildSpec> Children);

    public sealed record ShutdownTop;
}

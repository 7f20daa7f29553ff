using System.Collections.Concurrent;
using Akka.Actor;

namespace ActorRecorder.Otp.Conformance.Drivers;

/// <summary>
/// Reports every incarnation of a nested <see cref="Supervisor"/> to its scenario's collector. The supervisor
/// has no hooks of its own, so this uses Akka's actor producer pipeline: <c>AfterIncarnated</c> runs after the
/// constructor and before <c>PreStart</c> starts the children (OTP's supervisor <c>init/1</c>), and
/// <c>BeforeIncarnated</c> runs after <c>PostStop</c> and before the parent hears of the stop.
/// </summary>
internal sealed class NestedSupervisorReporter : ActorProducerPluginBase<Supervisor>
{
    // Keyed by the scenario's run actor, the first element under /user: one registered plugin serves every run of a system.
    private readonly ConcurrentDictionary<string, IActorRef> _collectors = new(StringComparer.Ordinal);

    public void Register(string run, IActorRef collector) => _collectors[run] = collector;

    public void Unregister(string run) => _collectors.TryRemove(run, out _);

    public override void AfterIncarnated(Supervisor actor, IActorContext context)
    {
        if (Nested(context) is { } collector) collector.Tell(new TraceCollector.Started(context.Self.Path.Name, context.Self, IsSupervisor: true));
    }

    public override void BeforeIncarnated(Supervisor actor, IActorContext context)
    {
        if (Nested(context) is { } collector) collector.Tell(new TraceCollector.Stopped(context.Self.Path.Name, context.Self));
    }

    /// <summary>The collector when the supervisor is nested under a scenario's top supervisor (/user/run-N/top/id).</summary>
    private IActorRef? Nested(IActorContext context)
    {
        var elements = context.Self.Path.Elements;
        return elements.Count == 4 && elements[0] == "user" && _collectors.TryGetValue(elements[1], out var collector) ? collector : null;
    }
}

using Akka.Actor;
using Akka.Configuration;
using ActorRecorder.Otp.Conformance.Scenarios;

namespace ActorRecorder.Otp.Conformance.Drivers;

/// <summary>
/// Runs scenarios on our <see cref="Supervisor"/> in one actor system and returns each one's trace, in the
/// format of the Erlang driver. After every step it waits until nothing runs (see <see cref="SettleAsync"/>).
/// </summary>
public sealed class AkkaDriver : IAsyncDisposable
{
    /// <summary>Bounds every wait: a step that takes longer is a hang, reported as one.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ActorSystem _system;
    private readonly NestedSupervisorReporter _reporter = new();
    private int _runs;

    /// <summary>Starts the actor system the scenarios run in; <paramref name="config"/> goes before the defaults (e.g. to see the log).</summary>
    public AkkaDriver(string? config = null)
    {
        // The supervisors' reports would only repeat what the trace shows.
        _system = ActorSystem.Create("conformance", ConfigurationFactory.ParseString(config ?? "").WithFallback(ConfigurationFactory.ParseString("""
            akka.loglevel = OFF
            akka.stdout-loglevel = OFF
            akka.log-dead-letters = off
            akka.log-dead-letters-during-shutdown = off
            """)));
        ((ExtendedActorSystem)_system).ActorPipelineResolver.Register(_reporter);
    }

    /// <summary>Runs <paramref name="scenario"/> and returns its trace, one event per line.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(Scenario scenario, Func<Scenario, IActorRef, IReadOnlyList<ChildSpec>>? specs = null)
    {
        var run = $"run-{Interlocked.Increment(ref _runs)}";
        var collector = _system.ActorOf(Akka.Actor.Props.Create<TraceCollector>(), $"{run}-collector");
        _reporter.Register(run, collector);
        var parent = _system.ActorOf(ScenarioParent.Props(collector), run);
        try
        {
            var flags = new SupervisorFlags(scenario.Strategy, scenario.Intensity, Scenario.Period, scenario.AutoShutdown);
            var children = (specs ?? ChildSpecs)(scenario, collector);
            var top = await parent.Ask<IActorRef>(new ScenarioParent.StartTop(flags, children), Patience).ConfigureAwait(false);
            var steps = scenario.Steps.Append(new EndStep()).ToArray();
            for (var i = 0; i < steps.Length; i++)
            {
                collector.Tell(new TraceCollector.Line($"step {i + 1} {steps[i].Label}"));
                await RunStepAsync(steps[i], scenario, top, parent, collector).ConfigureAwait(false);
                await SettleAsync(top, collector).ConfigureAwait(false);
                var snapshot = await collector.Ask<TraceCollector.TraceSnapshot>(new TraceCollector.TraceQuery(), Patience).ConfigureAwait(false);
                if (snapshot.Exited) return snapshot.Lines;
                if (steps[i] is EndStep) throw new InvalidOperationException("The supervisor survived its shutdown.");
            }
            throw new InvalidOperationException("unreachable: the last step shuts the supervisor down");
        }
        finally
        {
            _reporter.Unregister(run);
            await parent.GracefulStop(Patience).ConfigureAwait(false);
            await collector.GracefulStop(Patience).ConfigureAwait(false);
        }
    }

    /// <summary>The scenario's child specs on our <see cref="Supervisor"/>, each worker reporting to <paramref name="collector"/>.</summary>
    public static IReadOnlyList<ChildSpec> ChildSpecs(Scenario scenario, IActorRef collector) =>
        scenario.IsSimple
            ? [Template(scenario.Children[0], collector)]
            : scenario.Children.Select(c => Spec(c, collector)).ToArray();

    /// <summary>One child spec: a reporting worker, or a nested supervisor of reporting workers.</summary>
    public static ChildSpec Spec(ChildDef child, IActorRef collector) =>
        child.Nested is { } nested
            ? new ChildSpec(child.Id,
                Supervisor.Props(new SupervisorFlags(nested.Strategy, nested.Intensity, Scenario.Period), nested.Children.Select(c => Spec(c, collector)).ToArray()),
                child.Restart, child.Shutdown, ChildType.Supervisor, child.Significant)
            : new ChildSpec(child.Id, ScenarioWorker.Props(child.Id, collector), child.Restart, child.Shutdown, ChildType.Worker, child.Significant);

    private static ChildSpec Template(ChildDef template, IActorRef collector) =>
        new(template.Id, arguments => ScenarioWorker.Props((string)arguments[0]!, collector), template.Restart, template.Shutdown,
            ChildType.Worker, template.Significant);

    private async Task RunStepAsync(Step step, Scenario scenario, IActorRef top, IActorRef parent, IActorRef collector)
    {
        switch (step)
        {
            case ChildExitStep exit:
                var live = await collector.Ask<TraceCollector.LiveChild>(new TraceCollector.LiveQuery(exit.Target), Patience).ConfigureAwait(false);
                if (live.Child is null)
                {
                    collector.Tell(new TraceCollector.Line("skip"));
                    return;
                }
                live.Child.Tell(exit.Kind == ChildExitKind.Kill ? Kill.Instance : exit.Kind);
                await collector.Ask<TraceCollector.Done>(new TraceCollector.AwaitStop(exit.Target, live.Incarnation), Patience).ConfigureAwait(false);
                return;
            case StartChildStep start:
                Result(await top.StartChildAsync(Spec(start.Spec, collector), Patience).ConfigureAwait(false));
                return;
            case StartSimpleChildStep start:
                Result(await top.StartChildAsync([start.Child], Patience).ConfigureAwait(false));
                return;
            case TerminateChildStep terminate:
                Result(await top.TerminateChildAsync(terminate.Id, Patience).ConfigureAwait(false));
                return;
            case TerminateChildByRefStep terminate:
                var target = await collector.Ask<TraceCollector.LiveChild>(new TraceCollector.LiveQuery(terminate.Child), Patience).ConfigureAwait(false);
                if (target.Child is null) collector.Tell(new TraceCollector.Line("skip"));
                else Result(await top.TerminateChildAsync(target.Child, Patience).ConfigureAwait(false));
                return;
            case RestartChildStep restart:
                Result(await top.RestartChildAsync(restart.Id, Patience).ConfigureAwait(false));
                return;
            case DeleteChildStep delete:
                Result(await top.DeleteChildAsync(delete.Id, Patience).ConfigureAwait(false));
                return;
            case WhichChildrenStep:
                collector.Tell(new TraceCollector.Which(await top.WhichChildrenAsync(Patience).ConfigureAwait(false), scenario.IsSimple));
                return;
            case CountChildrenStep:
                collector.Tell(await top.CountChildrenAsync(Patience).ConfigureAwait(false));
                return;
            case ShutdownStep or EndStep:
                parent.Tell(new ScenarioParent.ShutdownTop());
                await collector.Ask<TraceCollector.Done>(new TraceCollector.AwaitExit(), Patience).ConfigureAwait(false);
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "unknown step");
        }

        void Result(SupervisorResult result) => collector.Tell(new TraceCollector.Result(result));
    }

    /// <summary>
    /// Waits until nothing runs: every child ref seen has handled what reached it (an <see cref="Identify"/> is
    /// answered only after a pending restart in place; for a dead one, its termination has reached the collector and so,
    /// earlier, its supervisor), every nested supervisor and then the top one has
    /// handled the exits that reached it, and no new event arrived meanwhile.
    /// </summary>
    private static async Task SettleAsync(IActorRef top, IActorRef collector)
    {
        while (true)
        {
            var before = await collector.Ask<TraceCollector.TraceSnapshot>(new TraceCollector.TraceQuery(), Patience).ConfigureAwait(false);
            if (before.Exited) return;
            var live = await collector.Ask<TraceCollector.LiveRefs>(new TraceCollector.LiveRefsQuery(), Patience).ConfigureAwait(false);
            // A child whose PostStop was traced may be between the two halves of a restart in place: its Identify waits for the second.
            foreach (var child in live.Seen) await IdleOrTerminatedAsync(child, collector).ConfigureAwait(false);
            foreach (var child in live.Supervisors) await SyncAsync(child).ConfigureAwait(false);
            if (!await SyncAsync(top).ConfigureAwait(false))
            {
                // It has terminated: its exit is traced once its parent hears.
                await collector.Ask<TraceCollector.Done>(new TraceCollector.AwaitExit(), Patience).ConfigureAwait(false);
                return;
            }
            var after = await collector.Ask<TraceCollector.TraceSnapshot>(new TraceCollector.TraceQuery(), Patience).ConfigureAwait(false);
            if (after.Lines.Count == before.Lines.Count) return;
        }
    }

    /// <summary>
    /// Waits until <paramref name="child"/> has answered an <see cref="Identify"/> (after any restart in place it was in),
    /// or the collector has heard it terminated. Both are needed: Akka may drop a message to an actor that is terminating.
    /// </summary>
    private static async Task IdleOrTerminatedAsync(IActorRef child, IActorRef collector)
    {
        using var done = new CancellationTokenSource();
        var identify = child.Ask<ActorIdentity>(new Identify(null), Patience, done.Token);
        var terminated = collector.Ask<TraceCollector.Done>(new TraceCollector.AwaitTerminated(child), Patience, done.Token);
        try
        {
            var first = await Task.WhenAny(identify, terminated).ConfigureAwait(false);
            if (first == identify && identify.Result.Subject is { } subject && !subject.IsNobody()) return;
            await terminated.ConfigureAwait(false); // dead letters answered for it: the termination is on its way
        }
        catch (AskTimeoutException e)
        {
            var trace = await collector.Ask<TraceCollector.TraceSnapshot>(new TraceCollector.TraceQuery(), Patience).ConfigureAwait(false);
            throw new TimeoutException($"{child.Path} neither answered Identify nor terminated within {Patience}: it hangs.\n{string.Join('\n', trace.Lines)}", e);
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits until <paramref name="supervisor"/> has handled what reached it; false when it has terminated.</summary>
    private static async Task<bool> SyncAsync(IActorRef supervisor)
    {
        try
        {
            await supervisor.CountChildrenAsync(Patience).ConfigureAwait(false);
            return true;
        }
        catch (NoProcException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _system.Terminate().ConfigureAwait(false);

    /// <summary>The shutdown every scenario ends with, traced as step "end".</summary>
    private sealed record EndStep : Step
    {
        public override string Label => "end";

        internal override string ToErlang() => "shutdown";

        internal override string ToCSharp() => "new ShutdownStep()";
    }
}

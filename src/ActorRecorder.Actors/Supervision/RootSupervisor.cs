using System.Runtime.CompilerServices;
using ActorRecorder.Hocon;

namespace ActorRecorder.Actors.Supervision;

/// <summary>
/// The product's supervision tree, started once per system:
/// <c>/user/root</c> (one_for_one) with <c>listeners</c> (one_for_one, a child per listener name,
/// added at run time) and <c>recorders</c> (simple_one_for_one, transient, a child per recorded
/// session). Flags come from <c>actor-recorder.supervision</c> in the configuration.
/// </summary>
public sealed class RootSupervisor
{
    /// <summary>The name of the root under /user.</summary>
    public const string RootName = "root";

    /// <summary>The id (and name) of the listeners supervisor.</summary>
    public const string ListenersName = "listeners";

    /// <summary>The id (and name) of the recorders supervisor.</summary>
    public const string RecordersName = "recorders";

    private static readonly ConditionalWeakTable<ActorSystem, Lazy<Task<RootSupervisor>>> Roots = new();

    private RootSupervisor(IActorRef root) => Root = root;

    /// <summary>The root supervisor, <c>/user/root</c>.</summary>
    public IActorRef Root { get; }

    /// <summary>The current listeners supervisor (a new ref if the root restarted it).</summary>
    public IActorRef Listeners => ChildOfRoot(ListenersName);

    /// <summary>The current recorders supervisor (a new ref if the root restarted it).</summary>
    public IActorRef Recorders => ChildOfRoot(RecordersName);

    /// <summary>The tree of <paramref name="system"/>, started on first use.</summary>
    public static Task<RootSupervisor> GetAsync(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Roots.GetValue(system, s => new Lazy<Task<RootSupervisor>>(() => StartAsync(s))).Value;
    }

    /// <summary>
    /// Starts a child of <c>recorders</c> (its template takes the child's <see cref="Props"/> as the only start argument).
    /// Returns the same result as <c>supervisor:start_child/2</c>.
    /// </summary>
    public Task<SupervisorResult> StartRecorderAsync(Props props, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(props);
        return Recorders.StartChildAsync([props], cancellationToken);
    }

    private static async Task<RootSupervisor> StartAsync(ActorSystem system)
    {
        var config = system.Settings.Config;
        var listeners = Supervisor.Props(Flags(config, ListenersName, SupervisorStrategyKind.OneForOne), []);
        var recorders = Supervisor.Props(Flags(config, RecordersName, SupervisorStrategyKind.SimpleOneForOne),
            [new ChildSpec("recorder", static args => args.Count == 1 && args[0] is Props props
                ? props
                : throw new ArgumentException("A recorders child is started with its Props as the only argument."), Restart.Transient)]);
        var root = await Supervisor.StartAsync(system, RootName, Flags(config, "root", SupervisorStrategyKind.OneForOne),
        [
            new ChildSpec(ListenersName, listeners, Restart.Permanent, type: ChildType.Supervisor),
            new ChildSpec(RecordersName, recorders, Restart.Permanent, type: ChildType.Supervisor),
        ]).ConfigureAwait(false);
        return new RootSupervisor(root);
    }

    private static SupervisorFlags Flags(Config config, string name, SupervisorStrategyKind strategy)
    {
        var intensityKey = $"actor-recorder.supervision.{name}.intensity";
        var periodKey = $"actor-recorder.supervision.{name}.period";
        var intensity = config.GetInt(intensityKey);
        var period = config.GetTimeSpan(periodKey);
        if (intensity < 0) throw new InvalidSupervisorFlagsException("invalid_intensity", $"{intensityKey} = {intensity} must be 0 or more");
        if (period <= TimeSpan.Zero || period == Timeout.InfiniteTimeSpan)
            throw new InvalidSupervisorFlagsException("invalid_period", $"{periodKey} = {period} must be a positive duration");
        return new SupervisorFlags(strategy, intensity, period);
    }

    private IActorRef ChildOfRoot(string name) => ((LocalActorRef)Root).Cell.Child(name);
}

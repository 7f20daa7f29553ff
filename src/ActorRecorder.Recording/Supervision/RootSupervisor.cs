using ActorRecorder.Otp;
using Akka.Actor;
using Akka.Configuration;

namespace ActorRecorder.Recording;

/// <summary>
/// The product's supervision tree, one per actor system (an Akka extension), started on first use:
/// <c>/user/root</c> (one_for_one) with <c>listeners</c> (one_for_one, a child per listener name, added
/// at run time) and <c>recorders</c> (simple_one_for_one, transient, a child per recorded session,
/// restarted in place). All three are OTP <see cref="Supervisor"/>s; their intensity and period come
/// from <c>actor-recorder.supervision</c>.
/// </summary>
public sealed class RootSupervisor : IExtension
{
    /// <summary>The name of the root under /user.</summary>
    public const string RootName = "root";

    /// <summary>The id (and name) of the listeners supervisor.</summary>
    public const string ListenersName = "listeners";

    /// <summary>The id (and name) of the recorders supervisor.</summary>
    public const string RecordersName = "recorders";

    /// <summary>The id of the recorders' template; each recorder is started with its props as the only argument.</summary>
    public const string RecorderTemplate = "recorder";

    private const string ConfigSection = "actor-recorder.supervision";

    private RootSupervisor(ExtendedActorSystem system)
    {
        ProductDefaults.AddTo(system);
        var config = system.Settings.Config;
        var listeners = Supervisor.Props(Flags(config, ListenersName, SupervisorStrategyKind.OneForOne), []);
        var recorders = Supervisor.Props(Flags(config, RecordersName, SupervisorStrategyKind.SimpleOneForOne),
            [new ChildSpec(RecorderTemplate, static args => args is [Props props] ? props : throw new ArgumentException("A recorder is started with its Props as the only argument."),
                Restart.Transient)]);
        Root = Supervisor.StartAsync(system, RootName, Flags(config, RootName, SupervisorStrategyKind.OneForOne),
        [
            new ChildSpec(ListenersName, listeners, type: ChildType.Supervisor),
            new ChildSpec(RecordersName, recorders, type: ChildType.Supervisor),
        ]);
    }

    /// <summary>The root supervisor, <c>/user/root</c>, once it and its two children have started.</summary>
    public Task<IActorRef> Root { get; }

    /// <summary>The tree of <paramref name="system"/>, started on first use.</summary>
    /// <exception cref="InvalidSupervisorFlagsException">A value under <c>actor-recorder.supervision</c> is invalid; the message names the key.</exception>
    public static RootSupervisor Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<RootSupervisor, RootSupervisorProvider>();
    }

    /// <summary>The current <c>listeners</c> supervisor (a new ref if the root started a new one).</summary>
    public Task<IActorRef> ListenersAsync(CancellationToken cancellationToken = default) => ChildAsync(ListenersName, cancellationToken);

    /// <summary>The current <c>recorders</c> supervisor (a new ref if the root started a new one).</summary>
    public Task<IActorRef> RecordersAsync(CancellationToken cancellationToken = default) => ChildAsync(RecordersName, cancellationToken);

    private async Task<IActorRef> ChildAsync(string id, CancellationToken cancellationToken)
    {
        var root = await Root.WaitAsync(cancellationToken).ConfigureAwait(false);
        var children = await root.WhichChildrenAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return children.Single(c => c.Id == id).Child
            ?? throw new InvalidOperationException($"The root supervisor's '{id}' is not running (it is being restarted); try again.");
    }

    private static SupervisorFlags Flags(Config config, string name, SupervisorStrategyKind strategy)
    {
        var intensityKey = $"{ConfigSection}.{name}.intensity";
        var periodKey = $"{ConfigSection}.{name}.period";
        var intensity = config.GetInt(intensityKey, 1);
        var period = config.GetTimeSpan(periodKey, TimeSpan.FromSeconds(5), allowInfinite: false);
        if (intensity < 0) throw new InvalidSupervisorFlagsException("invalid_intensity", $"{intensityKey} = {intensity} must be 0 or more");
        if (period <= TimeSpan.Zero) throw new InvalidSupervisorFlagsException("invalid_period", $"{periodKey} = {period} must be a positive duration");
        return new SupervisorFlags(strategy, intensity, period);
    }

    private sealed class RootSupervisorProvider : ExtensionIdProvider<RootSupervisor>
    {
        public override RootSupervisor CreateExtension(ExtendedActorSystem system) => new(system);
    }
}

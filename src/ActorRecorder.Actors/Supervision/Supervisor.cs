using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors.Supervision;

/// <summary>
/// OTP's supervisor as an actor: child specs with restart types and shutdown specs, the four
/// strategies, intensity/period, auto_shutdown and the supervisor API (start, terminate, restart,
/// delete, which/count children). Children start one at a time, each fully started before the
/// next; they stop one at a time in reverse start order (simple_one_for_one: all at once). A
/// restart keeps the child's <see cref="IActorRef"/>.
/// </summary>
public sealed partial class Supervisor : ActorBase
{
    private readonly SupervisorFlags _flags;
    private readonly IReadOnlyList<ChildSpec> _initialSpecs;
    private readonly List<ChildRecord> _records = [];
    private readonly Dictionary<ActorCell, ChildRecord> _byCell = [];
    private readonly Dictionary<ActorCell, ChildRecord> _awaitingReplacement = [];
    private readonly OtpStrategy _strategy;
    private bool _shuttingDown;

    private Supervisor(SupervisorFlags flags, IReadOnlyList<ChildSpec> children)
    {
        _flags = flags;
        _initialSpecs = children;
        _strategy = new OtpStrategy(this, flags);
    }

    private bool IsSimple => _flags.Strategy == SupervisorStrategyKind.SimpleOneForOne;

    /// <summary>Props of a supervisor; the flags and specs are checked now, with OTP's reasons.</summary>
    /// <exception cref="InvalidSupervisorFlagsException">Invalid flags.</exception>
    /// <exception cref="InvalidChildSpecException">An invalid spec or combination.</exception>
    public static Props Props(SupervisorFlags flags, IReadOnlyList<ChildSpec> children)
    {
        SupervisorSpecValidation.Validate(flags, children);
        var specs = children.ToArray();
        return Actors.Props.Create(() => new Supervisor(flags, specs));
    }

    /// <summary>
    /// Starts a supervisor under <paramref name="parent"/> (the system or an actor's context) and
    /// returns once every child has started, as <c>supervisor:start_link</c>. If a child fails to
    /// start, the ones already started are stopped in reverse order, the supervisor terminates, and
    /// this throws <see cref="SupervisorStartException"/> naming the child and why.
    /// </summary>
    public static async Task<IActorRef> StartAsync(IActorRefFactory parent, string name, SupervisorFlags flags, IReadOnlyList<ChildSpec> children,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var supervisor = parent.ActorOf(Props(flags, children), name);
        try
        {
            await supervisor.Ask<SupervisorReady>(SupervisorReady.Instance, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            return supervisor;
        }
        catch (AskTargetTerminatedException e)
        {
            if (e.Reason.Exception is ActorInitializationException { InnerException: SupervisorStartException start }) throw start;
            throw new SupervisorStartException(supervisor.Path, null, e.Reason);
        }
    }

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => _strategy;

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (IsSimple) return;
        foreach (var spec in _initialSpecs)
        {
            var record = new ChildRecord(spec, []);
            _records.Add(record);
            Start(record, onStarted: null, onFailed: error => InitFailed(record, error));
        }
        Cell.RunSteps();
    }

    /// <summary>Queues the start of <paramref name="record"/>'s child; callbacks run on this actor's turn.</summary>
    private void Start(ChildRecord record, Action<IActorRef>? onStarted, Action<Exception> onFailed)
    {
        Props props;
        try
        {
            props = record.Spec.PropsFor(record.Arguments);
        }
        catch (Exception e)
        {
            Cell.EnqueueAction(_ => onFailed(e));
            return;
        }
        var options = new ChildOptions(record.Spec.Shutdown, ExitsToParent: true);
        Cell.EnqueueStartChild(props, IsSimple ? null : record.Spec.Id, options, (child, error) =>
        {
            if (child is null)
            {
                onFailed(error!);
                return;
            }
            record.Cell = child;
            record.Restarting = false;
            _byCell[child] = record;
            onStarted?.Invoke(child.Self);
        });
    }

    /// <summary>A child of the initial specs failed to start: stop the started ones in reverse order, then fail.</summary>
    private void InitFailed(ChildRecord failed, Exception error)
    {
        var reason = StartFailureReason(error);
        Context.Log.LogError(reason.Exception, "Supervisor {Supervisor} failed to start child '{Child}': {Reason}; stopping the children already started.",
            Self.Path, failed.Spec.Id, reason);
        Cell.ClearQueuedSteps();
        for (var i = _records.Count - 1; i >= 0; i--)
        {
            if (_records[i].Cell is { } started) Cell.EnqueueStopChild(started, ExitReason.Shutdown);
        }
        var exception = new SupervisorStartException(Self.Path, failed.Spec.Id, reason);
        Cell.EnqueueAction(cell => cell.Fail(new ActorInitializationException(Self, exception.Message, exception)));
    }

    /// <summary>The reason a start failed: the cause inside the kernel's wrapper when there is one.</summary>
    private static ExitReason StartFailureReason(Exception error) =>
        error is ActorInitializationException { InnerException: { } inner } ? ExitReason.Failure(inner) : ActorCell.ReasonFor(error);

    private ChildRecord? FindById(string id) => _records.Find(r => r.Spec.Id == id);

    private ChildRecord? FindByRef(IActorRef child) => _records.Find(r => r.Cell is { } cell && cell.Self.Equals(child));
}

using Akka.Actor;
using Akka.Event;

namespace ActorRecorder.Otp;

/// <summary>
/// OTP's supervisor as an Akka.NET actor: child specs with restart types and shutdown specs, the four
/// strategies, one restart window per supervisor, ordered shutdown, significant children with
/// auto_shutdown, and the supervisor API (<see cref="StartChild"/>, <see cref="TerminateChild"/>,
/// <see cref="RestartChild"/>, <see cref="DeleteChild"/>, <see cref="WhichChildren"/>, <see cref="CountChildren"/>,
/// <see cref="GetChildSpec"/>) with OTP's results.
/// <para>
/// Children start one at a time in start order, each fully (constructor and <c>PreStart</c> done, a
/// child supervisor's own children started) before the next. They stop one at a time in reverse start
/// order when the supervisor receives <see cref="GracefulShutdown"/> (<see cref="StopAsync"/>, or
/// CoordinatedShutdown for a top-level supervisor); simple_one_for_one children stop all at once.
/// <c>Context.Stop</c> or <c>PoisonPill</c> on a supervisor is Akka's stop: all children at once.
/// </para>
/// <para>
/// Requests that arrive while the supervisor starts, stops or restarts children are answered after
/// that, in order, as an OTP supervisor is busy then.
/// </para>
/// </summary>
public sealed partial class Supervisor : ActorBase, IHandleGracefulShutdown
{
    private readonly SupervisorFlags _flags;
    private readonly IReadOnlyList<ChildSpec> _specs;
    private readonly ChildList _children = new();
    private readonly Dictionary<string, ChildRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, ChildRecord> _byRef = [];
    private readonly OtpExtension _otp;
    private readonly RestartWindow _window;
    private readonly SupervisorHook _hook;
    private readonly ILoggingAdapter _log;
    private readonly List<IActorRef> _readyWaiters = [];
    private Phase _phase = Phase.Initializing;
    private bool _initialized;
    private SupervisorStartException? _initFailure;
    private bool _restartingInPlace;

    /// <summary>Creates the supervisor; use <see cref="Props(SupervisorFlags, IReadOnlyList{ChildSpec})"/>.</summary>
    public Supervisor(SupervisorFlags flags, IReadOnlyList<ChildSpec> children)
    {
        SupervisorSpecValidation.Validate(flags, children);
        if (Context.Props.SupervisorStrategy is not null)
            throw new NotSupportedException(
                $"Supervisor {Self.Path} was given a SupervisorStrategy through Props.WithSupervisorStrategy; it would replace the OTP supervisor's own and bypass every OTP decision. Remove it.");
        _flags = flags;
        _specs = children;
        _otp = OtpExtension.Get(Context.System);
        _window = new RestartWindow(flags.Intensity, flags.Period, _otp.Clock);
        _hook = new SupervisorHook(this);
        _log = Context.GetLogger();
    }

    private enum Phase
    {
        /// <summary>Starting the initial children.</summary>
        Initializing,

        /// <summary>Supervising.</summary>
        Running,

        /// <summary>Stopping every child in order because it was asked to (then it stops itself).</summary>
        ShuttingDown,

        /// <summary>Stopping every child in order because it gives up (then it fails or exits).</summary>
        GivingUp,

        /// <summary>Akka is stopping or restarting this instance: it takes no more decisions.</summary>
        Dead,
    }

    private bool IsSimple => _flags.Strategy == SupervisorStrategyKind.SimpleOneForOne;

    /// <summary>
    /// The props of a supervisor. The flags and specs are checked now, with OTP's reasons. Do not give
    /// them a strategy with <c>WithSupervisorStrategy</c>: the supervisor refuses to start with one.
    /// </summary>
    /// <exception cref="InvalidSupervisorFlagsException">Invalid flags.</exception>
    /// <exception cref="InvalidChildSpecException">An invalid spec or combination.</exception>
    public static Props Props(SupervisorFlags flags, IReadOnlyList<ChildSpec> children)
    {
        SupervisorSpecValidation.Validate(flags, children);
        return Akka.Actor.Props.Create(typeof(Supervisor), flags, children.ToArray());
    }

    /// <summary>
    /// Starts a supervisor under <paramref name="parent"/> (the system or an actor's context) and returns
    /// once every child has started, in order (<c>supervisor:start_link/3</c>). If a child fails to start,
    /// the children already started are stopped in reverse order, the supervisor terminates, and this
    /// throws <see cref="SupervisorStartException"/> naming the child and the real cause. It waits as long
    /// as the children take to start, as <c>start_link</c> does; cancel it with the token.
    /// </summary>
    /// <exception cref="InvalidSupervisorFlagsException">Invalid flags.</exception>
    /// <exception cref="InvalidChildSpecException">An invalid spec or combination.</exception>
    /// <exception cref="SupervisorStartException">A child failed to start.</exception>
    public static async Task<IActorRef> StartAsync(IActorRefFactory parent, string name, SupervisorFlags flags, IReadOnlyList<ChildSpec> children,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var supervisor = parent.ActorOf(Props(flags, children), name);
        try
        {
            await supervisor.Call<SupervisorStarted>(SupervisorReady.Instance, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            return supervisor;
        }
        catch (NoProcException) when (OtpExtension.Get(((IInternalActorRef)supervisor).Provider.Settings.System).StartFailures
                                          .TryGetValue(supervisor, out var failure))
        {
            throw failure; // it gave up before the question reached it
        }
        catch (OperationCanceledException)
        {
            supervisor.Tell(GracefulShutdown.Instance);
            throw;
        }
    }

    /// <summary>
    /// Shuts a supervisor down in OTP order — its children one at a time in reverse start order, each by
    /// its shutdown spec — and completes once the supervisor has terminated.
    /// </summary>
    public static async Task StopAsync(IActorRef supervisor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        var terminated = supervisor.WatchAsync(cancellationToken);
        supervisor.Tell(GracefulShutdown.Instance, ActorRefs.NoSender);
        if (!await terminated.ConfigureAwait(false)) cancellationToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => _hook;

    /// <inheritdoc />
    protected override void PreStart()
    {
        _otp.TopLevel.Register(Self, Context.Parent, ShutdownBudget.Of(_flags, _specs));
        if (!IsSimple)
        {
            foreach (var spec in _specs) EnqueueStart(Add(new ChildRecord(spec, spec.Props!)), onStarted: null, onFailed: InitFailed);
        }
        RunSteps();
    }

    /// <inheritdoc />
    protected override void PreRestart(Exception reason, object message)
    {
        // Akka restarts this supervisor in place: its children go at once (Akka's way), and this instance decides nothing more.
        // The requests it held are passed on to the next instance.
        _phase = Phase.Dead;
        _restartingInPlace = true;
        foreach (var request in _pending.OfType<Request>()) Self.Tell(request.Message, request.Sender);
        _pending.Clear();
        base.PreRestart(reason, message);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _phase = Phase.Dead;
        // Restarted in place, it stays registered and keeps its place in the shutdown order.
        if (!_restartingInPlace) _otp.TopLevel.Unregister(Self);
    }

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        var handled = Handle(message);
        RunSteps();
        return handled;
    }

    private bool Handle(object message)
    {
        switch (message)
        {
            case ActorIdentity { MessageId: IActorRef child, Subject: not null }:
                OnStartAcknowledged(child, failure: null);
                return true;
            case ActorIdentity:
                return true; // the child died first: its termination tells the rest
            case SupervisorStarted:
                OnStartAcknowledged(Sender, failure: null);
                return true;
            case Status.Failure failure when _byRef.TryGetValue(Sender, out var record) && record.State == ChildState.Starting:
                OnStartAcknowledged(Sender, failure.Cause ?? new InvalidOperationException("The child supervisor did not start."));
                return true;
            case ShutdownTimedOut timedOut:
                if (ReferenceEquals(_current, timedOut.Step)) timedOut.Step.TimedOut(this);
                return true;
            case SupervisorExit exit:
                throw exit.Exception;
            case SupervisorReady:
                AnswerReadiness(Sender);
                return true;
            case GracefulShutdown or TryAgainRestart or StartChild or TerminateChild or RestartChild or DeleteChild or WhichChildren or CountChildren
                or GetChildSpec:
                if (_phase != Phase.Running || Busy)
                {
                    // Held, in arrival order with the exits noted meanwhile, until the supervisor is free (OTP's single mailbox).
                    _pending.Enqueue(new Request(message, Sender));
                    return true;
                }
                HandleRequest(message, Sender);
                return true;
            default:
                return false;
        }
    }

    private bool Busy => _phase == Phase.Initializing || _current is not null || _steps.Count > 0;

    private ChildRecord Add(ChildRecord record)
    {
        _children.AddLast(record);
        if (!IsSimple) _byId[record.Spec.Id] = record;
        return record;
    }

    private void Remove(ChildRecord record)
    {
        if (record.List != _children) return;
        _children.Remove(record);
        if (!IsSimple) _byId.Remove(record.Spec.Id);
    }

    /// <summary>An initial child failed to start: stop the ones started, in reverse order, then fail, naming the child and the cause.</summary>
    private void InitFailed(ChildRecord failed, ExitReason reason)
    {
        if (MayReport(out var heldBack)) Report("start_error", heldBack, reason.Exception, $"failed to start child '{failed.Spec.Id}': {reason}; stopping the children already started and giving up");
        Remove(failed);
        _steps.Clear();
        _phase = Phase.GivingUp;
        EnqueueStopAll();
        var exception = new SupervisorStartException(Self.Path, failed.Spec.Id, reason);
        Enqueue(new ActionStep(() =>
        {
            foreach (var waiter in _readyWaiters) waiter.Tell(new Status.Failure(exception), Self);
            _readyWaiters.Clear();
            _initFailure = exception;
            _otp.StartFailures.AddOrUpdate(Self, exception);
            // ActorInitializationException: Akka's default decider stops a supervisor that could not start instead of restarting it.
            Self.Tell(new SupervisorExit(new ActorInitializationException(Self, exception.Message, exception)), Self);
        }));
    }

    private void AnswerReadiness(IActorRef asker)
    {
        if (_initFailure is not null) asker.Tell(new Status.Failure(_initFailure), Self);
        else if (!_initialized) _readyWaiters.Add(asker); // still starting, or stopping what it started after a start failed
        else asker.Tell(SupervisorStarted.Instance, Self);
    }

    /// <summary>Every initial child has started: the supervisor runs, and whoever waits for it hears so.</summary>
    private void Initialized()
    {
        _phase = Phase.Running;
        _initialized = true;
        foreach (var waiter in _readyWaiters) waiter.Tell(SupervisorStarted.Instance, Self);
        _readyWaiters.Clear();
    }

    /// <summary>A request that waits, with its sender, until the supervisor is free.</summary>
    private sealed record Request(object Message, IActorRef Sender);

    /// <summary>Tells <see cref="Supervisor"/> to throw, so its parent's strategy decides on it.</summary>
    private sealed record SupervisorExit(Exception Exception);

    /// <summary>OTP's <c>try_again_restart</c>: a failed restart is tried again after the requests already queued.</summary>
    private sealed record TryAgainRestart(ChildRecord Record, int Incarnation, ExitReason Reason);
}

/// <summary>The reply to <see cref="SupervisorReady"/>: every initial child has started.</summary>
internal sealed class SupervisorStarted
{
    public static readonly SupervisorStarted Instance = new();
}

using ActorRecorder.Hocon;
using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>
/// A hierarchy of actors with its own guardians, dead letters, event stream, scheduler and
/// coordinated shutdown. Top-level actors created with <see cref="ActorOf"/> live under
/// <c>/user</c>; the kernel's own actors live under <c>/system</c>.
/// </summary>
public sealed class ActorSystem : IActorRefFactory, IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILoggerFactory? _ownedLoggerFactory;
    private readonly HashedWheelScheduler _scheduler;
    private readonly DeadLetterActorRef _deadLetters;
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly DeadLetterLog _deadLetterLog;
    private volatile bool _terminating;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        Address = Address.Local(name);
        StartTime = DateTimeOffset.UtcNow;
        if (settings.LoggerFactory is null)
        {
            _ownedLoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder
                .SetMinimumLevel(settings.LogLevel)
                .AddSimpleConsole(options =>
                {
                    options.SingleLine = true;
                    options.TimestampFormat = "HH:mm:ss.fff ";
                    options.UseUtcTimestamp = true;
                }));
        }
        LoggerFactory = settings.LoggerFactory ?? _ownedLoggerFactory!;
        var streamLog = LoggerFactory.CreateLogger<EventStream>();
        EventStream = new EventStream((e, message) => streamLog.LogError(e, "{Message}", message));
        Log = LoggerFor(typeof(ActorSystem), Address.ToString());
        FailureLogLimiter = new LogRateLimiter(settings.LogFailuresPerSecond, TimeSpan.FromSeconds(1), settings.TimeProvider);
        _scheduler = new HashedWheelScheduler(name, settings.SchedulerTickDuration, settings.SchedulerTicksPerWheel,
            LoggerFor(typeof(HashedWheelScheduler), $"{Address}/scheduler"));

        var rootPath = ActorPath.Root(Address);
        _deadLetters = new DeadLetterActorRef(this, rootPath.Child("deadLetters"));
        TempPath = rootPath.Child("temp");
        _deadLetterLog = new DeadLetterLog(this);

        _root = ActorCell.CreateRoot(this, Props.Create(static () => new RootGuardian()));
        // /system starts before /user so that, stopping in reverse start order, /user stops first.
        _systemGuardian = _root.MakeChild(Props.Create(static () => new Guardian()).WithSupervisorStrategy(SupervisorStrategy.DefaultStrategy), "system", ChildOptions.Default);
        _userGuardian = _root.MakeChild(Props.Create(static () => new Guardian()).WithSupervisorStrategy(settings.DefaultSupervisorStrategy), "user", ChildOptions.Default);

        CoordinatedShutdown = new CoordinatedShutdown(this, LoggerFor(typeof(CoordinatedShutdown), $"{Address}/coordinated-shutdown"));
        CoordinatedShutdown.AddTask(CoordinatedShutdown.PhaseActorSystemTerminate, "terminate-actor-system", StopActorsAsync);
        // Last: the root guardian's PreStart reads the guardians above.
        _root.Start();
    }

    /// <summary>Creates a system with the defaults of <c>reference.conf</c>.</summary>
    /// <param name="name">Letters, digits, '-' and '_', starting with a letter or digit.</param>
    public static ActorSystem Create(string name) => Create(name, ActorSystemSettings.Default);

    /// <summary>Creates a system configured by HOCON, over the defaults of <c>reference.conf</c>.</summary>
    /// <param name="name">Letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="config">The configuration; bad values throw naming the key and the value.</param>
    public static ActorSystem Create(string name, Config config)
    {
        ValidateName(name);
        return Create(name, ActorSystemSettings.FromConfig(config));
    }

    /// <summary>Creates a system.</summary>
    /// <param name="name">Letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="settings">The settings; invalid ones throw <see cref="ArgumentException"/> naming the setting.</param>
    public static ActorSystem Create(string name, ActorSystemSettings settings)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return new ActorSystem(name, settings);
    }

    /// <summary>The name of the system.</summary>
    public string Name { get; }

    /// <summary>The settings it runs with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The address of the system (local until the node joins a cluster).</summary>
    public Address Address { get; }

    /// <summary>When the system started.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>How long the system has run.</summary>
    public TimeSpan Uptime => DateTimeOffset.UtcNow - StartTime;

    /// <summary>Where undeliverable messages go; they are published as <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters => _deadLetters;

    /// <summary>The system's publish/subscribe bus.</summary>
    public EventStream EventStream { get; }

    /// <summary>Timers for messages and actions.</summary>
    public IScheduler Scheduler => _scheduler;

    /// <summary>The logger factory every actor logs through.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The system's own logger.</summary>
    public ILogger Log { get; }

    /// <summary>The phased shutdown of this system.</summary>
    public CoordinatedShutdown CoordinatedShutdown { get; }

    /// <summary>Completes when every actor has stopped.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>True once termination has begun.</summary>
    public bool IsTerminating => _terminating;

    internal ActorPath TempPath { get; }

    internal HashedWheelScheduler InternalScheduler => _scheduler;

    internal DeadLetterActorRef DeadLetterRef => _deadLetters;

    internal LogRateLimiter FailureLogLimiter { get; }

    internal ActorCell UserGuardian => _userGuardian;

    internal ActorCell SystemGuardian => _systemGuardian;

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    /// <exception cref="InvalidOperationException">The system is terminating.</exception>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.MakeChild(props, name, ChildOptions.Default).Self;

    /// <summary>Creates an actor under <c>/system</c>, for infrastructure that must outlive the user's actors.</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.MakeChild(props, name, ChildOptions.Default).Self;

    /// <summary>Stops an actor with <see cref="ExitReason.Shutdown"/>.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is InternalActorRef target) target.Stop(ExitReason.Shutdown);
    }

    /// <summary>Runs the coordinated shutdown (which stops every actor) and completes when the system has terminated.</summary>
    public Task Terminate()
    {
        CoordinatedShutdown.Run(CoordinatedShutdown.Reason.ActorSystemTerminate);
        return WhenTerminated;
    }

    /// <summary>Terminates the system and waits for it.</summary>
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <summary>A logger for a kernel component or actor, with its path in every entry.</summary>
    internal ILogger LoggerFor(Type logClass, string source) =>
        new ActorLogger(LoggerFactory.CreateLogger(logClass), EventStream, source, logClass);

    internal long NewUid()
    {
        long uid;
        do uid = Random.Shared.NextInt64();
        while (uid == 0);
        return uid;
    }

    private Task StopActorsAsync(CancellationToken cancellationToken)
    {
        _terminating = true;
        _root.Self.Stop(ExitReason.Shutdown);
        return WhenTerminated.WaitAsync(cancellationToken);
    }

    /// <summary>The /user guardian stopped on its own (its restart limit was reached): OTP stops the application.</summary>
    internal void OnUserGuardianStopped()
    {
        if (_terminating) return;
        Log.LogError("The /user guardian stopped; terminating actor system {System}.", Name);
        CoordinatedShutdown.Run(CoordinatedShutdown.Reason.UserGuardianStopped);
    }

    internal void OnRootTerminated()
    {
        _terminating = true;
        _scheduler.Dispose();
        _deadLetterLog.Dispose();
        Log.LogDebug("Actor system {System} terminated.", Name);
        _ownedLoggerFactory?.Dispose();
        _terminated.TrySetResult();
    }

    private static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]);
        foreach (var c in name) valid &= char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
        if (!valid)
            throw new ArgumentException($"Invalid actor system name '{name}': use letters, digits, '-' and '_', starting with a letter or digit.", nameof(name));
    }

    /// <inheritdoc />
    public override string ToString() => Address.ToString();
}

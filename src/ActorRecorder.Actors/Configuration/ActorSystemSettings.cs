using ActorRecorder.Hocon;
using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>
/// Everything the kernel can be tuned with. Every property has a safe default; create a changed
/// copy with <c>with</c>, e.g. <c>ActorSystemSettings.Default with { Throughput = 100 }</c>.
/// </summary>
public sealed partial record ActorSystemSettings
{
    /// <summary>The defaults, read from the embedded <c>reference.conf</c> (the single source of every default).</summary>
    public static ActorSystemSettings Default { get; } = FromConfig(ConfigurationFactory.Empty);

    /// <summary>Messages an actor processes per turn on a thread before it yields the thread (Akka's throughput). Default 30.</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>The timeout of <c>Ask</c> when none is given. Default 5 s (as <c>gen_server:call</c>).</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Dead letters logged per <see cref="LogDeadLettersPeriod"/>; 0 turns their logging off (they are still published). Default 10.</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>The period of the dead-letter log limit. Default 10 s.</summary>
    public TimeSpan LogDeadLettersPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether dead letters are logged while the system terminates. Default false.</summary>
    public bool LogDeadLettersDuringShutdown { get; init; }

    /// <summary>The strategy of actors (and of the /user guardian) that name none. Default
    /// <see cref="SupervisorStrategy.DefaultStrategy"/>: one-for-one, 10 restarts within 10 s.</summary>
    public SupervisorStrategy DefaultSupervisorStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;

    /// <summary>Child failures logged per second per system, so crash loops cannot flood the log. Default 20.</summary>
    public int LogFailuresPerSecond { get; init; } = 20;

    /// <summary>The tick of the scheduler: the resolution of every timer. Default 10 ms.</summary>
    public TimeSpan SchedulerTickDuration { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Buckets of the scheduler's timing wheel (a power of two). Default 512.</summary>
    public int SchedulerTicksPerWheel { get; init; } = 512;

    /// <summary>Coordinated shutdown phase timeouts.</summary>
    public CoordinatedShutdownSettings CoordinatedShutdown { get; init; } = new();

    /// <summary>Where logs go; when null the system logs to the console at <see cref="LogLevel"/>.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The minimum level of the console logger the system creates when <see cref="LoggerFactory"/> is null. Default Information.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>The clock of restart windows and rate limits; tests can pass a manual one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The whole resolved configuration these settings came from (user configuration over
    /// <c>reference.conf</c>); services built on the kernel read their own sections from it.</summary>
    public Config Config { get; init; } = ReferenceConfig.Resolved;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting and its value.</summary>
    public void Validate()
    {
        Require(Throughput > 0, nameof(Throughput), Throughput, "must be at least 1");
        Require(AskTimeout > TimeSpan.Zero || AskTimeout == Timeout.InfiniteTimeSpan, nameof(AskTimeout), AskTimeout, "must be positive or infinite");
        Require(LogDeadLetters >= 0, nameof(LogDeadLetters), LogDeadLetters, "must be 0 (off) or positive");
        Require(LogDeadLettersPeriod > TimeSpan.Zero, nameof(LogDeadLettersPeriod), LogDeadLettersPeriod, "must be positive");
        Require(LogFailuresPerSecond >= 0, nameof(LogFailuresPerSecond), LogFailuresPerSecond, "must be 0 (off) or positive");
        Require(SchedulerTickDuration >= TimeSpan.FromMilliseconds(1), nameof(SchedulerTickDuration), SchedulerTickDuration, "must be at least 1 ms");
        Require(SchedulerTicksPerWheel > 0 && (SchedulerTicksPerWheel & (SchedulerTicksPerWheel - 1)) == 0,
            nameof(SchedulerTicksPerWheel), SchedulerTicksPerWheel, "must be a positive power of two");
        Require(DefaultSupervisorStrategy is not null, nameof(DefaultSupervisorStrategy), null, "must not be null");
        Require(TimeProvider is not null, nameof(TimeProvider), null, "must not be null");
        Require(CoordinatedShutdown is not null, nameof(CoordinatedShutdown), null, "must not be null");
        CoordinatedShutdown!.Validate();
    }

    internal static void Require(bool condition, string setting, object? value, string rule)
    {
        if (!condition) throw new ArgumentException($"Invalid actor system setting {setting} = {value ?? "null"}: it {rule}.", setting);
    }
}

/// <summary>Timeouts of the <see cref="CoordinatedShutdown"/> phases.</summary>
public sealed record CoordinatedShutdownSettings
{
    /// <summary>The timeout of a phase not listed in <see cref="PhaseTimeouts"/>. Default 5 s.</summary>
    public TimeSpan DefaultPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeouts per phase name. Default: <c>actor-system-terminate</c> 10 s.</summary>
    public IReadOnlyDictionary<string, TimeSpan> PhaseTimeouts { get; init; } =
        new Dictionary<string, TimeSpan> { [Actors.CoordinatedShutdown.PhaseActorSystemTerminate] = TimeSpan.FromSeconds(10) };

    /// <summary>The timeout of <paramref name="phase"/>.</summary>
    public TimeSpan TimeoutOf(string phase) => PhaseTimeouts.TryGetValue(phase, out var t) ? t : DefaultPhaseTimeout;

    /// <summary>Throws <see cref="ArgumentException"/> naming an unknown phase or a non-positive timeout.</summary>
    public void Validate()
    {
        ActorSystemSettings.Require(DefaultPhaseTimeout > TimeSpan.Zero, nameof(DefaultPhaseTimeout), DefaultPhaseTimeout, "must be positive");
        foreach (var (phase, timeout) in PhaseTimeouts)
        {
            ActorSystemSettings.Require(Actors.CoordinatedShutdown.KnownPhases.Contains(phase), $"{nameof(PhaseTimeouts)}[{phase}]", timeout,
                $"names an unknown phase (known: {string.Join(", ", Actors.CoordinatedShutdown.KnownPhases)})");
            ActorSystemSettings.Require(timeout > TimeSpan.Zero, $"{nameof(PhaseTimeouts)}[{phase}]", timeout, "must be positive");
        }
    }
}

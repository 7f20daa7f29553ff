namespace ActorRecorder.Actors;

/// <summary>
/// How an actor supervises its children: a decider maps a failure to a <see cref="Directive"/>,
/// and a restart limit bounds crash loops. Unlike Akka.NET the limit is counted as in OTP: one
/// sliding window per supervisor, across all its children. More than <see cref="MaxNrOfRetries"/>
/// restarts within <see cref="WithinTimeRange"/> make the supervisor give up: it stops all its
/// children in reverse start order and fails with <see cref="MaxRestartIntensityReachedException"/>
/// (exit reason <see cref="ExitReason.Shutdown"/>), which its own parent handles like any failure.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>The restart limit of <see cref="DefaultStrategy"/>: 10 restarts…</summary>
    public const int DefaultMaxNrOfRetries = 10;

    /// <summary>…within 10 seconds. Bounded on purpose: Akka.NET's unlimited default hides crash loops.</summary>
    public static readonly TimeSpan DefaultWithinTimeRange = TimeSpan.FromSeconds(10);

    /// <summary>Creates a strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within the window; -1 for no limit; 0 gives up on the first restart.</param>
    /// <param name="withinTimeRange">The sliding window; <see cref="Timeout.InfiniteTimeSpan"/> counts restarts forever.</param>
    /// <param name="decider">Maps a failure to a directive.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        if (maxNrOfRetries < -1)
            throw new ArgumentOutOfRangeException(nameof(maxNrOfRetries), maxNrOfRetries, "maxNrOfRetries must be -1 (no limit), 0 or positive.");
        if (withinTimeRange <= TimeSpan.Zero && withinTimeRange != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(withinTimeRange), withinTimeRange, "withinTimeRange must be positive, or Timeout.InfiniteTimeSpan.");
        ArgumentNullException.ThrowIfNull(decider);
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/>; -1 means no limit.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The sliding window the restarts are counted in.</summary>
    public TimeSpan WithinTimeRange { get; }

    /// <summary>Maps a failure to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Whether child failures are logged.</summary>
    public bool LoggingEnabled { get; }

    /// <summary>Which children a directive applies to.</summary>
    internal abstract StrategyScope Scope { get; }

    /// <summary>
    /// The default decider: stop on <see cref="ActorInitializationException"/>, <see cref="DeathPactException"/>
    /// and on an <see cref="ActorExitException"/> (an actor that asked to exit with a reason, such as
    /// <see cref="ActorKilledException"/>, gets its exit); restart a child supervisor that gave up
    /// (<see cref="MaxRestartIntensityReachedException"/>, counted against this supervisor's own limit,
    /// as OTP restarts a permanent child supervisor) and restart on anything else.
    /// </summary>
    public static Directive DefaultDecider(Exception exception) => exception switch
    {
        ActorInitializationException => Directive.Stop,
        DeathPactException => Directive.Stop,
        MaxRestartIntensityReachedException => Directive.Restart,
        ActorExitException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one with <see cref="DefaultDecider"/>, at most 10 restarts within 10 seconds.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } =
        new OneForOneStrategy(DefaultMaxNrOfRetries, DefaultWithinTimeRange, DefaultDecider);

    /// <summary>Stops any child that fails.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(static _ => Directive.Stop);

    /// <summary>Decides what to do with a failure of <paramref name="child"/>; a throwing decider escalates.</summary>
    internal virtual Directive Decide(ActorCell child, Exception cause) => Decider(cause);

    /// <summary>Whether a sibling is restarted with its group (an OTP temporary child is stopped instead).</summary>
    internal virtual bool RestartsWithGroup(ActorCell child) => true;

    /// <summary>Whether Stop applies to the group (Akka's all-for-one) or only to the failed child (OTP).</summary>
    internal virtual bool StopAffectsGroup => true;

    /// <summary>Whether children stop all at once (OTP's simple_one_for_one) instead of one at a time.</summary>
    internal virtual bool StopsChildrenConcurrently => false;

    /// <summary>A child terminated (or was killed), with its reason.</summary>
    internal virtual void OnChildTerminated(ActorCell child, ExitReason reason)
    {
    }

    /// <summary>A child acknowledged a start or restart.</summary>
    internal virtual void OnChildAck(ActorCell child, ChildAckKind kind)
    {
    }

    /// <summary>A new incarnation for a group member that was killed during the group stop, or null to leave it gone.</summary>
    internal virtual SupervisionStep? ReplacementFor(ActorCell child) => null;

    /// <summary>How reports name a child.</summary>
    internal virtual string Describe(ActorCell child) => child.Self.Path.ToString();
}

/// <summary>Which siblings a directive affects.</summary>
internal enum StrategyScope
{
    OneForOne,
    AllForOne,
    RestForOne,
}

/// <summary>Applies the directive to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy with a restart limit.</summary>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with the default limit (10 restarts within 10 s).</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(DefaultMaxNrOfRetries, DefaultWithinTimeRange, decider)
    {
    }

    internal override StrategyScope Scope => StrategyScope.OneForOne;
}

/// <summary>Applies the directive to all children (OTP's one_for_all): on restart, the others
/// stop one at a time in reverse start order, then all start again in start order.</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy with a restart limit.</summary>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with the default limit (10 restarts within 10 s).</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : this(DefaultMaxNrOfRetries, DefaultWithinTimeRange, decider)
    {
    }

    internal override StrategyScope Scope => StrategyScope.AllForOne;
}

/// <summary>Applies the directive to the failed child and every sibling started after it (OTP's
/// rest_for_one): they stop in reverse start order, then start again in start order.</summary>
public sealed class RestForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy with a restart limit.</summary>
    public RestForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with the default limit (10 restarts within 10 s).</summary>
    public RestForOneStrategy(Func<Exception, Directive> decider)
        : this(DefaultMaxNrOfRetries, DefaultWithinTimeRange, decider)
    {
    }

    internal override StrategyScope Scope => StrategyScope.RestForOne;
}

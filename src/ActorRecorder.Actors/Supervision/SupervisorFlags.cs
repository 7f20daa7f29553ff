namespace ActorRecorder.Actors.Supervision;

/// <summary>OTP's restart strategies.</summary>
public enum SupervisorStrategyKind
{
    /// <summary>Restart only the child that exited.</summary>
    OneForOne,

    /// <summary>Stop all others in reverse start order, then restart all in start order.</summary>
    OneForAll,

    /// <summary>Stop the exited child and those started after it in reverse order, then restart them in start order.</summary>
    RestForOne,

    /// <summary>One_for_one over dynamically added children of one template spec; they stop all at once.</summary>
    SimpleOneForOne,
}

/// <summary>When a supervisor shuts itself down because significant children exited (OTP's auto_shutdown).</summary>
public enum AutoShutdown
{
    /// <summary>Never; significant children are not allowed.</summary>
    Never,

    /// <summary>When any significant child exits on its own and is not restarted.</summary>
    AnySignificant,

    /// <summary>When the last running significant child exits on its own and is not restarted.</summary>
    AllSignificant,
}

/// <summary>
/// OTP's supervisor flags: the strategy, and the restart intensity — more than <see cref="Intensity"/>
/// restarts within <see cref="Period"/> make the supervisor stop all children and exit with
/// <see cref="ExitReason.Shutdown"/>.
/// </summary>
public sealed record SupervisorFlags
{
    /// <summary>Creates flags; OTP's defaults are one_for_one, intensity 1, period 5 s, auto_shutdown never.</summary>
    public SupervisorFlags(SupervisorStrategyKind strategy = SupervisorStrategyKind.OneForOne, int intensity = 1, TimeSpan? period = null,
        AutoShutdown autoShutdown = AutoShutdown.Never)
    {
        Strategy = strategy;
        Intensity = intensity;
        Period = period ?? TimeSpan.FromSeconds(5);
        AutoShutdown = autoShutdown;
    }

    /// <summary>The restart strategy.</summary>
    public SupervisorStrategyKind Strategy { get; init; }

    /// <summary>Restarts allowed within <see cref="Period"/>; 0 gives up at the first restart.</summary>
    public int Intensity { get; init; }

    /// <summary>The sliding window the restarts are counted in.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>Automatic shutdown on significant children's exits.</summary>
    public AutoShutdown AutoShutdown { get; init; }

    /// <summary>Throws <see cref="InvalidSupervisorFlagsException"/> with OTP's reason when the flags are invalid.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Strategy)) throw new InvalidSupervisorFlagsException("invalid_strategy", $"unknown strategy {Strategy}");
        if (Intensity < 0) throw new InvalidSupervisorFlagsException("invalid_intensity", $"intensity must be 0 or more, got {Intensity}");
        if (Period <= TimeSpan.Zero || Period == Timeout.InfiniteTimeSpan)
            throw new InvalidSupervisorFlagsException("invalid_period", $"period must be a positive duration, got {Period}");
        if (!Enum.IsDefined(AutoShutdown)) throw new InvalidSupervisorFlagsException("invalid_auto_shutdown", $"unknown auto_shutdown {AutoShutdown}");
        if (Strategy == SupervisorStrategyKind.SimpleOneForOne && AutoShutdown != AutoShutdown.Never)
            throw new InvalidSupervisorFlagsException("bad_combination", $"simple_one_for_one supervisors do not support auto_shutdown {AutoShutdown}");
    }
}

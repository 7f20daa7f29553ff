namespace ActorRecorder.Otp;

/// <summary>
/// A supervisor's flags (OTP's <c>sup_flags()</c>): the strategy, and the restart intensity — more than
/// <see cref="Intensity"/> restarts within <see cref="Period"/>, counted across all children, make the
/// supervisor stop its children and exit. OTP's defaults: one_for_one, 1 restart in 5 s, no auto_shutdown.
/// </summary>
public sealed record SupervisorFlags
{
    /// <summary>Creates flags; every parameter defaults to OTP's default.</summary>
    /// <param name="strategy">The restart strategy.</param>
    /// <param name="intensity">Restarts allowed within <paramref name="period"/>; 0 gives up at the first one.</param>
    /// <param name="period">The sliding window the restarts are counted in (5 s when null).</param>
    /// <param name="autoShutdown">Whether significant children's exits shut the supervisor down.</param>
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
    }
}

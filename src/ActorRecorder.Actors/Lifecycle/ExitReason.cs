namespace ActorRecorder.Actors;

/// <summary>
/// Why an actor terminated, as in Erlang/OTP. Every termination has one: <see cref="Normal"/> when
/// the actor stopped itself, <see cref="Shutdown"/> when its parent or the system stopped it,
/// <see cref="Killed"/> for <see cref="Kill"/> and brutal kills, <see cref="Failure"/> for a crash,
/// <see cref="NoProc"/> when the actor was already dead, or a custom reason.
/// </summary>
public abstract record ExitReason
{
    private protected ExitReason()
    {
    }

    /// <summary>The actor stopped itself (<c>Context.Stop(Self)</c>, <see cref="PoisonPill"/>). Does not propagate through links.</summary>
    public static ExitReason Normal { get; } = new Named("normal");

    /// <summary>The actor was stopped by its parent, its supervisor or system termination.</summary>
    public static ExitReason Shutdown { get; } = new Named("shutdown");

    /// <summary>The actor was killed (<see cref="Kill"/> or a brutal kill).</summary>
    public static ExitReason Killed { get; } = new Named("killed");

    /// <summary>The actor did not exist (any more) when it was watched, linked or asked.</summary>
    public static ExitReason NoProc { get; } = new Named("noproc");

    /// <summary>The actor crashed with <paramref name="exception"/>.</summary>
    public static ExitReason Failure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new Crash(exception);
    }

    /// <summary>A reason of the application's own; the well-known names map to the built-in reasons.</summary>
    public static ExitReason Custom(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name switch
        {
            "normal" => Normal,
            "shutdown" => Shutdown,
            "killed" => Killed,
            "noproc" => NoProc,
            _ => new Named(name),
        };
    }

    /// <summary>True only for <see cref="Normal"/>: the one reason links do not propagate.</summary>
    public bool IsNormal => ReferenceEquals(this, Normal);

    /// <summary>True for <see cref="Normal"/> and <see cref="Shutdown"/>: exits a transient child is not restarted for.</summary>
    public bool IsNormalOrShutdown => ReferenceEquals(this, Normal) || ReferenceEquals(this, Shutdown);

    /// <summary>The exception of a <see cref="Failure"/>, otherwise null.</summary>
    public virtual Exception? Exception => null;

    /// <summary>A named reason (<c>normal</c>, <c>shutdown</c>, <c>killed</c>, <c>noproc</c> or custom).</summary>
    public sealed record Named(string Name) : ExitReason
    {
        /// <inheritdoc />
        public override string ToString() => Name;
    }

    /// <summary>A crash, carrying the exception.</summary>
    public sealed record Crash(Exception Cause) : ExitReason
    {
        /// <inheritdoc />
        public override Exception? Exception => Cause;

        /// <inheritdoc />
        public override string ToString() => $"failure: {Cause.GetType().Name}: {Cause.Message}";
    }
}

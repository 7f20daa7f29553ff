namespace ActorRecorder.Otp;

/// <summary>
/// Why a supervised child exited, in OTP's terms. Akka's <c>Terminated</c> carries no reason, so the
/// <see cref="Supervisor"/> classifies every exit itself: <see cref="Normal"/> when the child stopped
/// itself, <see cref="Shutdown"/> when the supervisor asked it to stop (or the child exited with
/// <see cref="ExitException"/> and that reason), <see cref="Killed"/> for Akka's <c>Kill</c>, and
/// <see cref="Failure"/> for any other exception.
/// </summary>
public abstract record ExitReason
{
    private protected ExitReason()
    {
    }

    /// <summary>OTP's <c>normal</c>: the child stopped itself (<c>Context.Stop(Self)</c>, <c>PoisonPill</c>).</summary>
    public static ExitReason Normal { get; } = new Named("normal");

    /// <summary>OTP's <c>shutdown</c>: the supervisor stopped the child, or the child exited with this reason on purpose.</summary>
    public static ExitReason Shutdown { get; } = new Named("shutdown");

    /// <summary>OTP's <c>killed</c>: the child received Akka's <c>Kill</c>.</summary>
    public static ExitReason Killed { get; } = new Named("killed");

    /// <summary>The child crashed with <paramref name="exception"/>.</summary>
    public static ExitReason Failure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new Crash(exception);
    }

    /// <summary>True for <see cref="Normal"/> and <see cref="Shutdown"/>: the exits a transient child is not restarted for.</summary>
    public bool IsNormalOrShutdown => ReferenceEquals(this, Normal) || ReferenceEquals(this, Shutdown);

    /// <summary>The exception of a <see cref="Failure"/>, otherwise null.</summary>
    public virtual Exception? Exception => null;

    /// <summary>One of the named reasons: <c>normal</c>, <c>shutdown</c> or <c>killed</c>.</summary>
    /// <param name="Name">OTP's name of the reason.</param>
    public sealed record Named(string Name) : ExitReason
    {
        /// <inheritdoc />
        public override string ToString() => Name;
    }

    /// <summary>A crash, with its exception.</summary>
    /// <param name="Cause">The exception the child failed with.</param>
    public sealed record Crash(Exception Cause) : ExitReason
    {
        /// <inheritdoc />
        public override Exception? Exception => Cause;

        /// <inheritdoc />
        public override string ToString() => $"{Cause.GetType().Name}: {Cause.Message}";
    }
}

namespace ActorRecorder.Otp;

/// <summary>
/// How a supervisor stops a child (OTP's shutdown spec). Children stop one at a time, in reverse start
/// order. Akka cannot interrupt a <c>Receive</c> that is running, so every stop takes effect at the
/// child's next message boundary.
/// <list type="bullet">
/// <item><see cref="BrutalKill"/>: stop the child at once (Akka's <c>Context.Stop</c>), with no graceful shutdown message.</item>
/// <item><see cref="Timeout"/>: a child that handles <see cref="GracefulShutdown"/> (every <see cref="Supervisor"/>, and any
/// <see cref="IHandleGracefulShutdown"/>) gets that message and <c>t</c> to stop; after <c>t</c> it is stopped regardless.
/// Any other child is stopped at once.</item>
/// <item><see cref="Infinity"/>: as <see cref="Timeout"/>, but the supervisor waits as long as it takes.</item>
/// </list>
/// </summary>
public sealed record Shutdown
{
    private Shutdown(TimeSpan? timeout, bool brutal)
    {
        TimeoutValue = timeout;
        IsBrutalKill = brutal;
    }

    /// <summary>OTP's <c>brutal_kill</c>: stop the child at once, without a graceful shutdown message.</summary>
    public static Shutdown BrutalKill { get; } = new(null, true);

    /// <summary>OTP's <c>infinity</c>: wait for the child to stop, however long it takes (the default for supervisors).</summary>
    public static Shutdown Infinity { get; } = new(null, false);

    /// <summary>OTP's timeout: ask the child to stop, and stop it regardless after <paramref name="timeout"/> (the default for workers, 5 s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative.</exception>
    public static Shutdown Timeout(TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout,
                "A shutdown timeout must be zero or more (OTP's invalid_shutdown); use Shutdown.Infinity to wait as long as it takes.");
        return new Shutdown(timeout, false);
    }

    /// <summary>The timeout of <see cref="Timeout"/>, otherwise null.</summary>
    public TimeSpan? TimeoutValue { get; }

    /// <summary>True for <see cref="BrutalKill"/>.</summary>
    public bool IsBrutalKill { get; }

    /// <inheritdoc />
    public override string ToString() => IsBrutalKill ? "brutal_kill" : TimeoutValue is { } t ? $"{t.TotalMilliseconds:0.###} ms" : "infinity";
}

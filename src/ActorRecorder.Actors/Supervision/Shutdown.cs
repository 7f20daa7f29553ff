namespace ActorRecorder.Actors.Supervision;

/// <summary>
/// How a parent stops a child (OTP's shutdown spec): <see cref="BrutalKill"/> ends it at once,
/// <see cref="Timeout"/> asks it to stop and kills it if it has not finished in time,
/// <see cref="Infinity"/> waits as long as it takes. Children stop one at a time, in reverse start order.
/// </summary>
public sealed record Shutdown
{
    private Shutdown(TimeSpan? timeout, bool brutal)
    {
        TimeoutValue = timeout;
        IsBrutalKill = brutal;
    }

    /// <summary>End the child at once; its PostStop is not awaited (OTP's brutal_kill).</summary>
    public static Shutdown BrutalKill { get; } = new(null, true);

    /// <summary>Wait for the child to stop, however long (OTP's infinity; the default for children created with ActorOf).</summary>
    public static Shutdown Infinity { get; } = new(null, false);

    /// <summary>Ask the child to stop with <see cref="ExitReason.Shutdown"/>; kill it after <paramref name="timeout"/>.</summary>
    public static Shutdown Timeout(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A shutdown timeout must be positive; use Shutdown.BrutalKill to kill at once.");
        return new Shutdown(timeout, false);
    }

    /// <summary>The timeout of <see cref="Timeout"/>, otherwise null.</summary>
    public TimeSpan? TimeoutValue { get; }

    /// <summary>True for <see cref="BrutalKill"/>.</summary>
    public bool IsBrutalKill { get; }

    /// <inheritdoc />
    public override string ToString() => IsBrutalKill ? "brutal_kill" : TimeoutValue is { } t ? $"timeout({t.TotalMilliseconds} ms)" : "infinity";
}

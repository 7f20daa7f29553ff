namespace ActorRecorder.Otp;

/// <summary>
/// The message a <see cref="Supervisor"/> sends to ask a child to stop in its own time (OTP's
/// <c>exit(Child, shutdown)</c> to a process that traps exits). A supervisor that receives it stops its
/// children one at a time in reverse start order, then itself. Send it with <see cref="Supervisor.StopAsync"/>.
/// </summary>
public sealed class GracefulShutdown
{
    private GracefulShutdown()
    {
    }

    /// <summary>The single instance.</summary>
    public static GracefulShutdown Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "GracefulShutdown";
}

/// <summary>
/// Marks an actor class that handles <see cref="GracefulShutdown"/>: when its supervisor stops it with a
/// <see cref="Shutdown.Timeout"/> or <see cref="Shutdown.Infinity"/> shutdown, it receives that message
/// (after the messages already queued) and must stop itself; otherwise it is stopped at once. Every
/// <see cref="Supervisor"/> is one.
/// </summary>
public interface IHandleGracefulShutdown
{
}

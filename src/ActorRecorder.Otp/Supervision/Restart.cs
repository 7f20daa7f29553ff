namespace ActorRecorder.Otp;

/// <summary>When a child that exited is restarted (OTP's restart types).</summary>
public enum Restart
{
    /// <summary>Always, whatever the exit reason.</summary>
    Permanent,

    /// <summary>Only after an abnormal exit: not after <see cref="ExitReason.Normal"/> or <see cref="ExitReason.Shutdown"/>.</summary>
    Transient,

    /// <summary>Never. Its spec is removed when it exits, and a sibling's group restart does not re-create it.</summary>
    Temporary,
}

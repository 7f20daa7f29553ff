namespace ActorRecorder.Otp;

/// <summary>When a supervisor shuts itself down because significant children exited (OTP's auto_shutdown).</summary>
public enum AutoShutdown
{
    /// <summary>Never; significant children are refused.</summary>
    Never,

    /// <summary>When any significant child exits on its own and is not restarted.</summary>
    AnySignificant,

    /// <summary>When a significant child exits on its own, is not restarted, and no other significant child is left running.</summary>
    AllSignificant,
}

namespace ActorRecorder.Otp;

/// <summary>OTP's restart strategies.</summary>
public enum SupervisorStrategyKind
{
    /// <summary>Restart only the child that exited (in place by default).</summary>
    OneForOne,

    /// <summary>Stop all other children in reverse start order, then start fresh incarnations of all in start order.</summary>
    OneForAll,

    /// <summary>Stop the children started after the exited one in reverse order, then start fresh incarnations of it and them in start order.</summary>
    RestForOne,

    /// <summary>One_for_one over children started at run time from one template spec; they stop all at once.</summary>
    SimpleOneForOne,
}

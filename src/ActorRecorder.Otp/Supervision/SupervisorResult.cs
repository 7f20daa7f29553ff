using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>The results of the supervisor API, named as OTP's (<c>ok</c>, <c>{error, not_found}</c>, …).</summary>
public abstract record SupervisorResult
{
    private protected SupervisorResult()
    {
    }

    /// <summary><c>ok</c>.</summary>
    public sealed record Ok : SupervisorResult;

    /// <summary><c>{ok, Child}</c>: the child started.</summary>
    /// <param name="Child">The child.</param>
    public sealed record Started(IActorRef Child) : SupervisorResult;

    /// <summary><c>{error, {already_started, Child}}</c>: a child with that id runs.</summary>
    /// <param name="Child">The running child.</param>
    public sealed record AlreadyStarted(IActorRef Child) : SupervisorResult;

    /// <summary><c>{error, already_present}</c>: a spec with that id exists and its child is not running.</summary>
    public sealed record AlreadyPresent : SupervisorResult;

    /// <summary><c>{error, Reason}</c>: the child did not start, or the request was refused.</summary>
    /// <param name="Reason">Why; <see cref="ExitReason.Exception"/> is the real cause.</param>
    public sealed record StartFailed(ExitReason Reason) : SupervisorResult;

    /// <summary><c>{error, not_found}</c>.</summary>
    public sealed record NotFound : SupervisorResult;

    /// <summary><c>{error, running}</c>.</summary>
    public sealed record Running : SupervisorResult;

    /// <summary><c>{error, restarting}</c>.</summary>
    public sealed record Restarting : SupervisorResult;

    /// <summary><c>{error, simple_one_for_one}</c>: the request needs an id, which a simple_one_for_one supervisor's children do not have.</summary>
    public sealed record SimpleOneForOne : SupervisorResult;
}

using System.Reflection;
using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>Turns the exception Akka reports for a failed child into an OTP exit reason.</summary>
internal static class ExitClassifier
{
    /// <summary>The reason of a failure: <c>killed</c> for <c>Kill</c>, an <see cref="ExitException"/>'s own reason, otherwise the real cause.</summary>
    public static ExitReason Classify(Exception cause) => Unwrap(cause) switch
    {
        ActorKilledException => ExitReason.Killed,
        ExitException exit => exit.Reason,
        var real => ExitReason.Failure(real),
    };

    /// <summary>True when the failure is the start of a new incarnation failing (its constructor, PreStart or PostRestart).</summary>
    public static bool IsStartFailure(Exception cause) => cause is ActorInitializationException or PostRestartException;

    /// <summary>
    /// The exception the user's code threw, without Akka's wrappers: <see cref="ActorInitializationException"/>,
    /// <see cref="PostRestartException"/> (one of those), the <see cref="TypeLoadException"/> Akka's activator adds, and
    /// <see cref="TargetInvocationException"/>.
    /// </summary>
    public static Exception Unwrap(Exception cause)
    {
        while (true)
        {
            switch (cause)
            {
                case ActorInitializationException { InnerException: { } inner }:
                    cause = inner;
                    break;
                case TypeLoadException { InnerException: TargetInvocationException inner }:
                    cause = inner;
                    break;
                case TargetInvocationException { InnerException: { } inner }:
                    cause = inner;
                    break;
                default:
                    return cause;
            }
        }
    }
}

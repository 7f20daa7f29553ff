using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>
/// OTP's <c>gen_server:call</c> on Akka.NET. Unlike Akka's <c>Ask</c> (whose default timeout is
/// infinite and which waits on a dead actor until it times out), <c>Call</c> has a default timeout of
/// 5 s (<c>actor-recorder.otp.call-timeout</c>) and fails at once with <see cref="NoProcException"/>
/// when the target is dead or dies before replying. <c>Ask</c> is unchanged.
/// </summary>
public static class CallExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="target"/> and waits for a reply of type <typeparamref name="T"/>.
    /// A <see cref="Status.Failure"/> reply faults the task with its cause; a reply of another type faults it with an <see cref="ArgumentException"/>.
    /// </summary>
    /// <param name="target">The actor to call.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">How long to wait; null for <c>actor-recorder.otp.call-timeout</c> (5 s), <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="NoProcException">The target is not alive, or died before replying.</exception>
    /// <exception cref="CallTimeoutException">No reply within the timeout.</exception>
    public static Task<T> Call<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (timeout is { } given && given <= TimeSpan.Zero && given != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), given, "A call timeout must be positive, or Timeout.InfiniteTimeSpan.");
        if (target is not IInternalActorRef local || target.IsNobody())
            return Task.FromException<T>(new NoProcException(target, message.GetType(), existed: false));
        var effective = timeout ?? OtpExtension.Get(local.Provider.Settings.System).Settings.CallTimeout;
        return CallRef<T>.Start(local, message, effective, cancellationToken);
    }
}

namespace ActorRecorder.Actors;

/// <summary>Tell with the implicit sender, Forward, Ask and GracefulStop.</summary>
public static class ActorRefExtensions
{
    /// <summary>Sends a message; inside an actor the sender is that actor, elsewhere there is none.</summary>
    public static void Tell(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Self);
    }

    /// <summary>Sends a message keeping the current sender (inside an actor), so the receiver replies to the original sender.</summary>
    public static void Forward(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var current = ActorCell.Current;
        receiver.Tell(message, current is null ? null : current.Sender);
    }

    /// <summary>
    /// Sends a message and waits for the reply. Fails with <see cref="AskTimeoutException"/> after
    /// <paramref name="timeout"/> (default 5 s, <see cref="ActorSystemSettings.AskTimeout"/>), at once
    /// with <see cref="AskTargetTerminatedException"/> when the target is or becomes dead, with the
    /// cause of a <see cref="Status.Failure"/> reply, and with <see cref="InvalidCastException"/>
    /// naming both types when the reply is not a <typeparamref name="T"/>.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        LocalActorRef.RequireMessage(message);
        if (Prepare<T>(target, message.GetType(), ref timeout, cancellationToken, out var system, out var internalTarget) is { } early) return early;
        return AskPromise<T>.Start(system!, internalTarget!, message, timeout!.Value, cancellationToken);
    }

    /// <summary>Ask with a message built around the temporary reply-to ref (for protocols whose messages carry a <c>ReplyTo</c>).</summary>
    public static Task<T> Ask<T>(this IActorRef target, Func<IActorRef, object> messageFactory, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(messageFactory);
        if (Prepare<T>(target, typeof(object), ref timeout, cancellationToken, out var system, out var internalTarget) is { } early) return early;
        return AskPromise<T>.Start(system!, internalTarget!, messageFactory, timeout!.Value, cancellationToken);
    }

    /// <summary>Ask for any reply.</summary>
    public static Task<object> Ask(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        target.Ask<object>(message, timeout, cancellationToken);

    /// <summary>Sends <paramref name="stopMessage"/> (default <see cref="PoisonPill"/>) and completes with true when the
    /// target has terminated, false if it has not within <paramref name="timeout"/>.</summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        RequireTimeout(timeout);
        if (target is not InternalActorRef internalTarget || internalTarget.System is not { } system)
            throw new ArgumentException($"{target} is not a reference created by an ActorRecorder actor system.", nameof(target));
        if (internalTarget.IsTerminated) return Task.FromResult(true);
        return GracefulStopPromise.Start(system, internalTarget, stopMessage ?? PoisonPill.Instance, timeout, cancellationToken);
    }

    private static Task<T>? Prepare<T>(IActorRef target, Type messageType, ref TimeSpan? timeout, CancellationToken cancellationToken,
        out ActorSystem? system, out InternalActorRef? internalTarget)
    {
        internalTarget = target as InternalActorRef
                         ?? throw new ArgumentException($"{target} is not a reference created by an ActorRecorder actor system.", nameof(target));
        system = internalTarget.System;
        if (timeout is { } given) RequireTimeout(given);
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<T>(cancellationToken);
        if (system is null || internalTarget.IsTerminated)
            return Task.FromException<T>(new AskTargetTerminatedException(target, ExitReason.NoProc, messageType));
        timeout ??= system.Settings.AskTimeout;
        // A timeout of centuries means no timeout; it must not overflow the timer into firing at once.
        if (timeout.Value > MaxAskTimeout) timeout = Timeout.InfiniteTimeSpan;
        return null;
    }

    private static readonly TimeSpan MaxAskTimeout = TimeSpan.FromDays(365 * 100);

    private static void RequireTimeout(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive (or Timeout.InfiniteTimeSpan).");
    }
}

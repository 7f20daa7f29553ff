using Microsoft.Extensions.Logging;

namespace ActorRecorder.Actors;

/// <summary>Logs dead letters and dropped messages, rate-limited, so losses are visible without flooding the log.</summary>
internal sealed class DeadLetterLog : IDisposable
{
    private readonly ActorSystem _system;
    private readonly ILogger _log;
    private readonly LogRateLimiter _limiter;
    private readonly IDisposable _deadLetters;
    private readonly IDisposable _dropped;

    public DeadLetterLog(ActorSystem system)
    {
        _system = system;
        _log = system.LoggerFor(typeof(DeadLetter), $"{system.Address}/deadLetters");
        _limiter = new LogRateLimiter(system.Settings.LogDeadLetters, system.Settings.LogDeadLettersPeriod, system.Settings.TimeProvider);
        _deadLetters = system.EventStream.Subscribe(typeof(DeadLetter), e => Report((DeadLetter)e));
        _dropped = system.EventStream.Subscribe(typeof(Dropped), e => Report((Dropped)e));
    }

    private void Report(DeadLetter letter)
    {
        if (!ShouldLog(out var suppressed)) return;
        _log.LogInformation("Message of type {MessageType} from {Sender} to {Recipient} was not delivered (dead letter).{Suppressed}",
            letter.Message.GetType().FullName, letter.Sender?.Path.ToString() ?? "no sender", letter.Recipient.Path, SuppressedNote(suppressed));
    }

    private void Report(Dropped dropped)
    {
        if (!ShouldLog(out var suppressed)) return;
        _log.LogWarning("Message of type {MessageType} from {Sender} to {Recipient} was dropped: {Reason}.{Suppressed}",
            dropped.Message.GetType().FullName, dropped.Sender?.Path.ToString() ?? "no sender", dropped.Recipient.Path, dropped.Reason, SuppressedNote(suppressed));
    }

    private bool ShouldLog(out long suppressed)
    {
        suppressed = 0;
        if (_system.IsTerminating && !_system.Settings.LogDeadLettersDuringShutdown) return false;
        return _limiter.TryAcquire(out suppressed);
    }

    private static string SuppressedNote(long suppressed) =>
        suppressed == 0 ? string.Empty : $" ({suppressed} earlier dead letters or drops were not logged, to keep the log readable.)";

    public void Dispose()
    {
        _deadLetters.Dispose();
        _dropped.Dispose();
    }
}

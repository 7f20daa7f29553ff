namespace ActorRecorder.Http;

/// <summary>How a drain ended.</summary>
public enum DrainOutcome
{
    /// <summary>Every connection and handler finished before the deadline.</summary>
    Drained,

    /// <summary>The deadline came first: what was left was stopped and its connections aborted.</summary>
    TimedOut,
}

/// <summary>What <see cref="Listeners.DrainAsync"/> reports.</summary>
/// <param name="Outcome">Whether everything finished in time.</param>
/// <param name="Acknowledged">Handler actors that acknowledged the drain.</param>
/// <param name="Remaining">
/// Requests still in flight at the deadline (loop handlers and WebSocket sessions among them), which were cut: their
/// handler actors stopped, their connections aborted. Zero when <paramref name="Outcome"/> is <see cref="DrainOutcome.Drained"/>.
/// </param>
/// <param name="Duration">From the start of the drain until no connection and no handler was left.</param>
public sealed record DrainResult(DrainOutcome Outcome, int Acknowledged, int Remaining, TimeSpan Duration);

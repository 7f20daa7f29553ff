namespace ActorRecorder.Actors;

/// <summary>A scheduled piece of work that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>Cancels it; harmless if it already ran or was cancelled.</summary>
    void Cancel();

    /// <summary>True once <see cref="Cancel"/> was called.</summary>
    bool IsCancellationRequested { get; }
}

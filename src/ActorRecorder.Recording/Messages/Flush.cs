namespace ActorRecorder.Recording;

/// <summary>
/// Asks a recorder to write everything it received before this message to the OS (and to fsync it
/// when <see cref="RecorderOptions.Fsync"/> is on): <c>await recorder.Ask&lt;Flushed&gt;(Flush.Instance)</c>.
/// A write error fails the Ask with a <see cref="RecorderWriteException"/>.
/// </summary>
public sealed record Flush
{
    private Flush()
    {
    }

    /// <summary>The only instance.</summary>
    public static Flush Instance { get; } = new();
}

/// <summary>The reply to <see cref="Flush"/>: everything received before it has been written.</summary>
public sealed record Flushed
{
    private Flushed()
    {
    }

    /// <summary>The only instance.</summary>
    public static Flushed Instance { get; } = new();
}

namespace ActorRecorder.Recording;

/// <summary>Asks a recorder for its figures: <c>await recorder.Ask&lt;RecorderStats&gt;(GetStats.Instance)</c>.</summary>
public sealed record GetStats
{
    private GetStats()
    {
    }

    /// <summary>The only instance.</summary>
    public static GetStats Instance { get; } = new();
}

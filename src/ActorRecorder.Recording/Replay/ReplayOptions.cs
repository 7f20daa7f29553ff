namespace ActorRecorder.Recording;

/// <summary>How <see cref="RecordingReplay"/> feeds a recording to its handler.</summary>
public sealed record ReplayOptions
{
    /// <summary>As fast as possible, skipping malformed lines (ZenWebsocket's default).</summary>
    public static ReplayOptions Default { get; } = new();

    /// <summary>Wait between entries as long as the gaps between their timestamps (ZenWebsocket's <c>realtime: true</c>). Default false.</summary>
    public bool Realtime { get; init; }

    /// <summary>With <see cref="Realtime"/>, how much faster than recorded to play: 2 halves every gap. Default 1.</summary>
    public double Speed { get; init; } = 1.0;

    /// <summary>Skip malformed lines (as ZenWebsocket's replay does) instead of stopping with a <see cref="RecordingFormatException"/>. Default true.</summary>
    public bool SkipMalformed { get; init; } = true;

    /// <summary>The clock the waits are measured with; tests pass a manual one. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option and its value.</summary>
    public void Validate()
    {
        if (!(Speed > 0) || double.IsInfinity(Speed))
            throw new ArgumentException($"Invalid replay option {nameof(Speed)} = {Speed}: it must be a positive, finite number.", nameof(Speed));
        if (TimeProvider is null)
            throw new ArgumentException($"Invalid replay option {nameof(TimeProvider)} = null: it must be a clock.", nameof(TimeProvider));
    }
}

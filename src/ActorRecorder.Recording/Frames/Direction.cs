namespace ActorRecorder.Recording;

/// <summary>Which way a frame travelled, seen from the session that records it.</summary>
/// <remarks>The values start at 1 so that a forgotten direction (<c>default</c>) is rejected instead of being recorded as "in".</remarks>
public enum Direction
{
    /// <summary>Received by the session (<c>"dir":"in"</c>).</summary>
    In = 1,

    /// <summary>Sent by the session (<c>"dir":"out"</c>).</summary>
    Out = 2,
}

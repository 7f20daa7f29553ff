namespace ActorRecorder.Recording;

/// <summary>The recorder's timer: time to write what has been waiting since the timer was armed. One per arming, so a stale one is told apart.</summary>
internal sealed class FlushTick;

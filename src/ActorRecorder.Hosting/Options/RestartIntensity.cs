namespace ActorRecorder.Hosting;

/// <summary>
/// OTP's maximum restart intensity of one supervisor: more than <see cref="Intensity"/> restarts within
/// <see cref="Period"/> make it stop its children and exit (its parent then decides).
/// </summary>
/// <param name="Intensity">Restarts allowed within <paramref name="Period"/>; 0 or more.</param>
/// <param name="Period">The sliding window the restarts are counted in; positive.</param>
public sealed record RestartIntensity(int Intensity, TimeSpan Period);

namespace ActorRecorder.Otp.Tests.Support;

/// <summary>A lifecycle event a test worker reports: "start" from PreStart, "stop" from PostStop, "graceful" on GracefulShutdown.</summary>
public sealed record Lifecycle(string Id, string Event);

/// <summary>Makes a <see cref="Worker"/> throw <see cref="TestException"/> with <paramref name="Reason"/>.</summary>
public sealed record Crash(string Reason = "boom");

/// <summary>A failure the specs make actors throw on purpose.</summary>
public sealed class TestException(string message) : Exception(message);

using Akka.Actor;

namespace ActorRecorder.Http;

/// <summary>
/// Told by a listener to each of its handler actors when it drains (and by <see cref="Listeners.NotifyDrainAsync(string, TimeSpan, CancellationToken)"/>):
/// finish by <paramref name="Deadline"/>. <see cref="LoopHandler"/> and <see cref="WebSocketHandler"/> hand it to their
/// <c>OnDrain</c>; a handler that is still running at the deadline of a drain is stopped and its connection aborted.
/// </summary>
/// <param name="Deadline">When the listener stops what is left.</param>
public sealed record Drain(DrainDeadline Deadline);

/// <summary>
/// A handler's answer to <see cref="Drain"/>, sent to its listener by <c>AcknowledgeDrain</c> (roadrunner's
/// <c>acknowledge_drain/1,2</c>); the listener counts them in <see cref="DrainResult.Acknowledged"/>.
/// </summary>
/// <param name="Handler">The handler actor that acknowledged.</param>
/// <param name="Deadline">The deadline it acknowledged, when it gave one.</param>
public sealed record DrainAcknowledged(IActorRef Handler, DrainDeadline? Deadline);

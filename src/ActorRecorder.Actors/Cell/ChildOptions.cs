using ActorRecorder.Actors.Supervision;

namespace ActorRecorder.Actors;

/// <summary>How a parent creates a child.</summary>
/// <param name="Shutdown">How the parent stops it.</param>
/// <param name="ExitsToParent">OTP mode: the child's own exits (self stop, PoisonPill, a link, a third party's stop)
/// are reported to the parent as failures for it to decide on, and its restarts are acknowledged.</param>
/// <param name="AcknowledgeStart">The child tells the parent once it has fully started (constructor,
/// PreStart and its own children's start), as OTP's start_link returns only then.</param>
internal readonly record struct ChildOptions(Shutdown Shutdown, bool ExitsToParent = false, bool AcknowledgeStart = false)
{
    public static ChildOptions Default => new(Shutdown.Infinity);
}

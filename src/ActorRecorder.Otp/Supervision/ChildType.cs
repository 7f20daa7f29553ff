namespace ActorRecorder.Otp;

/// <summary>Whether a child is a worker or a supervisor; it sets the default shutdown and the counts of <c>count_children</c>.</summary>
public enum ChildType
{
    /// <summary>A worker; its default shutdown is <c>Shutdown.Timeout(5 s)</c>.</summary>
    Worker,

    /// <summary>A supervisor; its default shutdown is <see cref="Shutdown.Infinity"/>.</summary>
    Supervisor,
}

using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>Where a child is in its life, as its supervisor sees it.</summary>
internal enum ChildState
{
    /// <summary>No child runs (OTP's <c>undefined</c>).</summary>
    Stopped,

    /// <summary>Created; the supervisor waits for its start acknowledgement.</summary>
    Starting,

    /// <summary>Running (or being restarted in place by Akka).</summary>
    Running,

    /// <summary>The supervisor asked it to stop and waits for its termination.</summary>
    Stopping,

    /// <summary>A restart failed and will be tried again (OTP's <c>restarting</c>).</summary>
    Restarting,
}

/// <summary>What a supervisor knows of one child spec (or one dynamic child under simple_one_for_one).</summary>
internal sealed class ChildRecord(ChildSpec spec, Props props)
{
    public ChildSpec Spec { get; } = spec;

    /// <summary>
    /// What every incarnation starts from: the spec's props, or under simple_one_for_one what the template made of the
    /// start arguments (made once, when the child is added; thousands of dynamic children need not keep their arguments).
    /// </summary>
    public Props Props { get; } = props;

    /// <summary>The current incarnation's actor while it exists (running, starting, being stopped, or failed and suspended), else null.</summary>
    public IActorRef? Child { get; set; }

    public ChildState State { get; set; }

    /// <summary>Counts the starts and in-place restarts; an exit noted for an older incarnation is stale.</summary>
    public int Incarnation { get; set; }

    /// <summary>How many times the supervisor has restarted this child after an exit (see <see cref="ChildInfo.Restarts"/>).</summary>
    public int Restarts { get; set; }

    /// <summary>
    /// Akka has terminated the child (it stopped itself) but the supervisor has not handled that exit yet: until it
    /// does, the child stays listed, as the pid of an EXIT still in an OTP supervisor's mailbox.
    /// </summary>
    public bool Exited { get; set; }

    /// <summary>The child failed and Akka holds it suspended until the supervisor restarts or stops it.</summary>
    public bool Suspended { get; set; }

    /// <summary>The failure that suspended it, which an in-place restart passes on to Akka.</summary>
    public Exception? Failure { get; set; }

    /// <summary>The child's actor handles <see cref="GracefulShutdown"/>.</summary>
    public bool Graceful { get; set; }

    /// <summary>The supervisor's list of children while the record is in it, else null (see <see cref="ChildList"/>).</summary>
    public ChildList? List { get; set; }

    /// <summary>The child started before it, in <see cref="List"/>.</summary>
    public ChildRecord? Previous { get; set; }

    /// <summary>The child started after it, in <see cref="List"/>.</summary>
    public ChildRecord? Next { get; set; }

    public ChildInfo Info => new(Spec.Id, State == ChildState.Restarting ? null : Child, State == ChildState.Restarting, Spec.Type) { Restarts = Restarts };
}

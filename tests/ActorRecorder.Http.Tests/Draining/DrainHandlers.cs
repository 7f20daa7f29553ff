using Akka.Actor;
using ActorRecorder.Recording;

namespace ActorRecorder.Http.Tests.Draining;

/// <summary>How a <see cref="DrainingSession"/> answers a drain.</summary>
public enum OnDrainMode
{
    /// <summary>The base class's: acknowledge, close 1001.</summary>
    Default,

    /// <summary>Send "last words", acknowledge with the deadline, close 1001.</summary>
    LastMessageThenClose,

    /// <summary>Acknowledge without the deadline, close 4001.</summary>
    Close,

    /// <summary>Tell the probe, do nothing else.</summary>
    Ignore,

    /// <summary>Send "drain in N ms" and acknowledge with the deadline; stay open.</summary>
    Notice,
}

/// <summary>A WebSocket handler that greets with "ready", echoes, and answers a drain as <see cref="OnDrainMode"/> says.</summary>
public sealed class DrainingSession(OnDrainMode mode, IActorRef probe) : WebSocketHandler
{
    protected override void PreStart() => Send(Frame.Text("ready"));

    protected override void HandleFrame(Frame frame) => Send(frame);

    protected override void OnDrain(Drain drain)
    {
        switch (mode)
        {
            case OnDrainMode.Default:
                base.OnDrain(drain);
                break;
            case OnDrainMode.LastMessageThenClose:
                Send(Frame.Text("last words"));
                AcknowledgeDrain(drain.Deadline);
                Close(GoingAway, "bye");
                break;
            case OnDrainMode.Close:
                AcknowledgeDrain();
                Close(4001, "draining");
                break;
            case OnDrainMode.Ignore:
                probe.Tell("drain ignored");
                break;
            case OnDrainMode.Notice:
                Send(Frame.Text(drain.Deadline.Remaining > TimeSpan.Zero ? "drain ahead" : "drain overdue"));
                AcknowledgeDrain(drain.Deadline);
                AcknowledgeDrain(drain.Deadline); // a second acknowledgement of the same drain does nothing
                break;
        }
    }
}

/// <summary>A WebSocket handler whose construction waits for the spec's gate: a session still starting.</summary>
public sealed class SlowStartingSession : WebSocketHandler
{
    public SlowStartingSession(ManualResetEventSlim gate, IActorRef probe)
    {
        probe.Tell("starting");
        if (!gate.Wait(TimeSpan.FromSeconds(20))) throw new TimeoutException("the spec never opened the gate");
    }

    protected override void HandleFrame(Frame frame) => Send(frame);
}

/// <summary>A loop handler that pushes "started" and holds the response; ignores a drain when asked to.</summary>
public sealed class HeldLoop(bool ignoreDrain, IActorRef probe) : LoopHandler
{
    protected override void PreStart() => Push("started\n");

    protected override void OnDrain(Drain drain)
    {
        if (!ignoreDrain)
        {
            Push("draining\n");
            base.OnDrain(drain);
            return;
        }
        probe.Tell("drain ignored");
    }

    protected override void PostStop() => probe.Tell("loop stopped");
}

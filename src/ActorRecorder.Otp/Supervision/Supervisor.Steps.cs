using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>
/// What an OTP supervisor does synchronously — start a child and wait for it, stop a child and wait
/// for it — as steps that run one at a time between Akka messages. The supervisor is busy while a
/// step runs or waits; child exits noted meanwhile are handled after it, in order.
/// </summary>
public sealed partial class Supervisor
{
    private readonly Queue<Step> _steps = new();
    private readonly Queue<object> _pending = new();
    private Step? _current;
    private bool _running;

    private void Enqueue(Step step) => _steps.Enqueue(step);

    /// <summary>
    /// Runs queued steps until one has to wait. When none is left, the exits and requests that arrived meanwhile are
    /// handled in arrival order, as an OTP supervisor takes them from its mailbox, until one makes it busy again.
    /// </summary>
    private void RunSteps()
    {
        if (_running) return;
        _running = true;
        try
        {
            while (_current is null && _phase != Phase.Dead)
            {
                if (_steps.TryDequeue(out var step))
                {
                    _current = step;
                    if (step.Begin(this)) _current = null;
                    continue;
                }
                if (_phase == Phase.Initializing) Initialized();
                if (_phase != Phase.Running || !_pending.TryDequeue(out var item)) break;
                if (item is Request request) HandleRequest(request.Message, request.Sender);
                else if (item is Exit exit && IsCurrent(exit)) HandleExit(exit);
            }
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>The step that was waiting has finished; whoever handled the event runs the next ones (<see cref="RunSteps"/>).</summary>
    private void Finish(Step step)
    {
        if (ReferenceEquals(_current, step)) _current = null;
    }

    private void EnqueueStart(ChildRecord record, Action<IActorRef>? onStarted, Action<ChildRecord, ExitReason> onFailed, Func<bool>? unless = null) =>
        Enqueue(new StartStep(record, onStarted, onFailed, unless));

    private void EnqueueStop(ChildRecord record, Shutdown? shutdown = null) => Enqueue(new StopStep([record], shutdown ?? record.Spec.Shutdown));

    /// <summary>Every child, in reverse start order, one at a time; under simple_one_for_one all at once, as OTP.</summary>
    private void EnqueueStopAll()
    {
        if (IsSimple)
        {
            Enqueue(new StopStep([.. _children.Where(r => r.Child is not null)], _specs[0].Shutdown));
            return;
        }
        for (var record = _children.Last; record is not null; record = record.Previous) EnqueueStop(record);
    }

    private void OnStartAcknowledged(IActorRef child, Exception? failure)
    {
        if (_byRef.TryGetValue(child, out var record) && record.State == ChildState.Starting && _current is StartStep start && start.Record == record)
            start.Acknowledged(this, failure);
    }

    /// <summary>A step: it starts, and finishes at once (true) or later through <see cref="Finish"/>.</summary>
    private abstract class Step
    {
        public abstract bool Begin(Supervisor supervisor);
    }

    /// <summary>Runs code between steps, in order with them.</summary>
    private sealed class ActionStep(Action action) : Step
    {
        public override bool Begin(Supervisor supervisor)
        {
            action();
            return true;
        }
    }

    /// <summary>
    /// Starts one child and waits until it has fully started: Akka answers <see cref="Identify"/> only after the
    /// constructor and PreStart, and a child <see cref="Supervisor"/> answers <see cref="SupervisorReady"/> only
    /// after its own children have started. A failing start is stopped and awaited, so its name is free again.
    /// </summary>
    private sealed class StartStep(ChildRecord record, Action<IActorRef>? onStarted, Action<ChildRecord, ExitReason> onFailed, Func<bool>? unless)
        : Step
    {
        private ExitReason? _failure;

        public ChildRecord Record => record;

        public override bool Begin(Supervisor supervisor)
        {
            if (unless?.Invoke() == true || record.List is null) return true;
            var name = supervisor.IsSimple ? null : record.Spec.Id;
            var props = record.Props;
            IActorRef child;
            try
            {
                child = name is null ? Context.ActorOf(props) : Context.ActorOf(props, name);
            }
            catch (Exception e)
            {
                record.State = ChildState.Stopped;
                onFailed(record, ExitReason.Failure(ExitClassifier.Unwrap(e)));
                return true;
            }
            record.Child = child;
            record.State = ChildState.Starting;
            record.Incarnation++;
            record.Suspended = false;
            record.Failure = null;
            record.Graceful = typeof(IHandleGracefulShutdown).IsAssignableFrom(props.Type);
            supervisor._byRef[child] = record;
            child.Tell(props.Type == typeof(Supervisor) ? SupervisorReady.Instance : new Identify(child), supervisor.Self);
            return false;
        }

        public void Acknowledged(Supervisor supervisor, Exception? failure)
        {
            if (_failure is not null) return;
            if (failure is null) Started(supervisor, record.Child!);
            else FailedToStart(failure);
        }

        /// <summary>The child failed: in its constructor or PreStart (a start failure), or later, once started (an exit after a start).</summary>
        public void ChildFailed(Supervisor supervisor, Exception cause)
        {
            if (_failure is not null)
            {
                Context.Stop(record.Child!);
                return;
            }
            if (ExitClassifier.IsStartFailure(cause))
            {
                FailedToStart(cause);
                return;
            }
            // It started, then failed: OTP would have answered {ok, Pid}, then received the exit.
            var child = record.Child!;
            Started(supervisor, child);
            supervisor.NoteFailure(record, child, cause);
        }

        /// <summary>The child terminated before its acknowledgement: after a failed start, or because it stopped itself right away.</summary>
        public void ChildTerminated(Supervisor supervisor, IActorRef child)
        {
            if (_failure is { } failure)
            {
                record.Child = null;
                record.State = ChildState.Stopped;
                onFailed(record, failure);
                supervisor.Finish(this);
                return;
            }
            // OTP would have answered {ok, Pid}, then received the exit.
            record.Exited = true;
            Started(supervisor, child);
            supervisor.Note(new Exit(record, child, record.Incarnation, ExitReason.Normal, Cause: null));
        }

        private void FailedToStart(Exception cause)
        {
            _failure = ExitReason.Failure(ExitClassifier.Unwrap(cause));
            Context.Stop(record.Child!);
        }

        private void Started(Supervisor supervisor, IActorRef child)
        {
            record.State = ChildState.Running;
            onStarted?.Invoke(child);
            supervisor.Finish(this);
        }
    }

    /// <summary>
    /// Stops children and waits for their termination: one child for an ordered shutdown, all of them at once under
    /// simple_one_for_one. A child that handles <see cref="GracefulShutdown"/> gets that message, and after a
    /// <see cref="Shutdown.Timeout"/> is stopped regardless; any other child (or a brutal kill) is stopped at once.
    /// </summary>
    private sealed class StopStep(IReadOnlyList<ChildRecord> records, Shutdown shutdown) : Step
    {
        private readonly HashSet<ChildRecord> _pending = [];
        private ICancelable? _timer;

        public override bool Begin(Supervisor supervisor)
        {
            var graceful = false;
            foreach (var record in records)
            {
                // Stopped by its supervisor, this incarnation is over: an exit of it still waiting to be handled is stale (OTP's unlink_flush).
                record.Incarnation++;
                if (record.List is null) continue;
                if (record.Child is not { } child || record.Exited)
                {
                    // Nothing left to stop (it is already gone, or a restart of it failed): OTP's pid = undefined.
                    record.Child = null;
                    record.Exited = false;
                    record.Suspended = false;
                    record.State = ChildState.Stopped;
                    continue;
                }
                record.State = ChildState.Stopping;
                _pending.Add(record);
                if (shutdown.IsBrutalKill || !record.Graceful || record.Suspended)
                {
                    Context.Stop(child);
                }
                else
                {
                    child.Tell(GracefulShutdown.Instance, supervisor.Self);
                    graceful = true;
                }
            }
            if (_pending.Count == 0) return true;
            if (graceful && shutdown.TimeoutValue is { } timeout)
                _timer = Context.System.Scheduler.ScheduleTellOnceCancelable(timeout, supervisor.Self, new ShutdownTimedOut(this), supervisor.Self);
            return false;
        }

        public void Stopped(Supervisor supervisor, ChildRecord record)
        {
            record.State = ChildState.Stopped;
            record.Suspended = false;
            if (!_pending.Remove(record) || _pending.Count > 0) return;
            _timer?.Cancel();
            supervisor.Finish(this);
        }

        /// <summary>The shutdown timeout ran out: OTP kills the child; Akka stops it at its next message boundary.</summary>
        public void TimedOut(Supervisor supervisor)
        {
            foreach (var record in _pending)
            {
                if (supervisor.MayReport(out var heldBack)) supervisor.Report("shutdown_error", heldBack, null, $"child '{record.Spec.Id}' ({record.Child!.Path}) did not stop within its shutdown timeout of {shutdown}; stopping it");
                Context.Stop(record.Child);
            }
        }
    }

    /// <summary>The timer of a <see cref="StopStep"/> whose shutdown has a timeout.</summary>
    private sealed record ShutdownTimedOut(StopStep Step);
}

using Akka.Actor;

namespace ActorRecorder.Otp.Conformance.Drivers;

/// <summary>
/// Collects one scenario's trace on the Akka side, as the Erlang driver's collector does: every start and
/// stop of a child with its label and incarnation, step markers, API results formatted in OTP's terms
/// (a child shown as <c>label#incarnation</c>), and the supervisor's exit.
/// </summary>
internal sealed class TraceCollector : ReceiveActor
{
    private readonly List<string> _lines = [];
    private readonly Dictionary<string, int> _incarnations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IActorRef Ref, int Incarnation, bool IsSupervisor)> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _labels = [];
    private readonly HashSet<IActorRef> _seen = [];
    private readonly HashSet<IActorRef> _terminated = [];
    private readonly List<(IActorRef Child, IActorRef Waiter)> _terminationWaiters = [];
    private readonly List<(string Label, int Incarnation, IActorRef Waiter)> _stopWaiters = [];
    private readonly List<IActorRef> _exitWaiters = [];
    private bool _exited;

    public TraceCollector()
    {
        Receive<Started>(s =>
        {
            var n = _incarnations[s.Label] = _incarnations.GetValueOrDefault(s.Label) + 1;
            _live[s.Label] = (s.Child, n, s.IsSupervisor);
            _labels[s.Child] = $"{s.Label}#{n}";
            // Watched: Akka tells watchers after the parent, so once this has heard, the supervisor has the termination queued.
            if (_seen.Add(s.Child)) Context.Watch(s.Child);
            Add($"start {s.Label} {n}");
        });
        Receive<Stopped>(s =>
        {
            var n = _incarnations.GetValueOrDefault(s.Label);
            _live.Remove(s.Label);
            Add($"stop {s.Label} {n}");
            foreach (var waiter in _stopWaiters.Where(w => w.Label == s.Label && w.Incarnation <= n).ToArray())
            {
                waiter.Waiter.Tell(Done.Instance);
                _stopWaiters.Remove(waiter);
            }
        });
        Receive<Line>(l => Add(l.Text));
        Receive<SupervisorExited>(e =>
        {
            Add($"exit {e.Reason}");
            _exited = true;
            foreach (var waiter in _exitWaiters) waiter.Tell(Done.Instance);
            _exitWaiters.Clear();
        });
        Receive<Result>(r => Add(Format(r.Value)));
        Receive<Which>(w =>
        {
            var entries = w.Children.Select(c => $"{(w.Simple ? "undefined" : c.Id)}:{Child(c)}:{(c.Type == ChildType.Supervisor ? "supervisor" : "worker")}");
            if (w.Simple) entries = entries.Order(StringComparer.Ordinal);
            Add("which" + string.Concat(entries.Select(e => " " + e)));
        });
        Receive<ChildCounts>(c => Add($"count specs={c.Specs} active={c.Active} supervisors={c.Supervisors} workers={c.Workers}"));
        Receive<LiveQuery>(q => Sender.Tell(_live.TryGetValue(q.Label, out var live) ? new LiveChild(live.Ref, live.Incarnation) : new LiveChild(null, 0)));
        Receive<Terminated>(t =>
        {
            _terminated.Add(t.ActorRef);
            foreach (var waiter in _terminationWaiters.Where(w => w.Child.Equals(t.ActorRef)).ToArray())
            {
                waiter.Waiter.Tell(Done.Instance);
                _terminationWaiters.Remove(waiter);
            }
        });
        Receive<AwaitTerminated>(a =>
        {
            if (_terminated.Contains(a.Child)) Sender.Tell(Done.Instance);
            else _terminationWaiters.Add((a.Child, Sender));
        });
        Receive<LiveRefsQuery>(_ => Sender.Tell(new LiveRefs(_seen.Except(_terminated).ToArray(), _live.Values.Where(v => v.IsSupervisor).Select(v => v.Ref).ToArray())));
        Receive<AwaitStop>(a =>
        {
            if (_live.TryGetValue(a.Label, out var live) && live.Incarnation <= a.Incarnation) _stopWaiters.Add((a.Label, a.Incarnation, Sender));
            else Sender.Tell(Done.Instance);
        });
        Receive<AwaitExit>(_ =>
        {
            if (_exited) Sender.Tell(Done.Instance);
            else _exitWaiters.Add(Sender);
        });
        Receive<TraceQuery>(_ => Sender.Tell(new TraceSnapshot(_lines.ToArray(), _exited)));
    }

    private void Add(string line) => _lines.Add(line);

    private string Label(IActorRef child) => _labels.GetValueOrDefault(child, "unknown");

    private string Child(ChildInfo child) => child switch
    {
        { Child: { } running } => Label(running),
        { Restarting: true } => "restarting",
        _ => "undefined",
    };

    private string Format(SupervisorResult result) => result switch
    {
        SupervisorResult.Ok => "ok",
        SupervisorResult.Started started => $"ok {Label(started.Child)}",
        SupervisorResult.AlreadyStarted already => $"error already_started {Label(already.Child)}",
        SupervisorResult.AlreadyPresent => "error already_present",
        SupervisorResult.NotFound => "error not_found",
        SupervisorResult.Running => "error running",
        SupervisorResult.Restarting => "error restarting",
        SupervisorResult.SimpleOneForOne => "error simple_one_for_one",
        SupervisorResult.StartFailed failed => $"error start_failed {failed.Reason}",
        _ => $"error unexpected {result}",
    };

    /// <summary>A child's incarnation started (its <c>PreStart</c>, or a nested supervisor's creation).</summary>
    public sealed record Started(string Label, IActorRef Child, bool IsSupervisor);

    /// <summary>A child's incarnation stopped (its <c>PostStop</c>, also when Akka restarts it in place).</summary>
    public sealed record Stopped(string Label, IActorRef Child);

    /// <summary>A line as it is.</summary>
    public sealed record Line(string Text);

    /// <summary>The top supervisor has terminated, with OTP's reason.</summary>
    public sealed record SupervisorExited(string Reason);

    /// <summary>An API result, formatted with the labels known when it arrives.</summary>
    public sealed record Result(SupervisorResult Value);

    /// <summary>A <c>which_children</c> answer.</summary>
    public sealed record Which(IReadOnlyList<ChildInfo> Children, bool Simple);

    public sealed record LiveQuery(string Label);

    public sealed record LiveChild(IActorRef? Child, int Incarnation);

    public sealed record LiveRefsQuery;

    /// <summary>Every child ref seen in this run and not known to have terminated (a stopped one may be restarting in place), and the nested supervisors that run.</summary>
    public sealed record LiveRefs(IReadOnlyList<IActorRef> Seen, IReadOnlyList<IActorRef> Supervisors);

    /// <summary>Answers <see cref="Done"/> once incarnation <see cref="Incarnation"/> of <see cref="Label"/> (or a later one) has stopped.</summary>
    public sealed record AwaitStop(string Label, int Incarnation);

    public sealed record AwaitExit;

    /// <summary>Answers <see cref="Done"/> once the collector has heard that <see cref="Child"/> terminated.</summary>
    public sealed record AwaitTerminated(IActorRef Child);

    public sealed record TraceQuery;

    public sealed record TraceSnapshot(IReadOnlyList<string> Lines, bool Exited);

    public sealed class Done
    {
        public static readonly Done Instance = new();
    }
}

using Akka.Actor;

namespace ActorRecorder.Benchmarks.Otp;

/// <summary>Counts the starts of a crashing child's incarnations and signals when the expected number of restarts is reached.</summary>
public sealed class RestartCounter(int restarts)
{
    private int _starts;

    public ManualResetEventSlim Done { get; } = new();

    /// <summary>Called from PreStart: true when this incarnation should crash again.</summary>
    public bool Started()
    {
        var starts = Interlocked.Increment(ref _starts);
        if (starts == 1) return false; // the first start waits for "go"
        if (starts - 1 < restarts) return true;
        Done.Set();
        return false;
    }
}

/// <summary>Crashes on "go"; each new incarnation tells itself "go" until the counter has seen enough restarts.</summary>
public sealed class SelfCrasher : ReceiveActor
{
    private static readonly InvalidOperationException Crash = new("crash");
    private readonly RestartCounter _counter;

    public SelfCrasher(RestartCounter counter)
    {
        _counter = counter;
        ReceiveAny(_ => throw Crash);
    }

    public static Props Props(RestartCounter counter) => Akka.Actor.Props.Create(() => new SelfCrasher(counter));

    protected override void PreStart()
    {
        if (_counter.Started()) Self.Tell("go");
    }
}

/// <summary>An actor that does nothing: a sibling to restart or stop.</summary>
public sealed class Idle : ReceiveActor
{
    public Idle() => ReceiveAny(_ => { });
}

/// <summary>A plain Akka parent with a given strategy that creates its children from props and answers with their refs.</summary>
public sealed class StockParent : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public StockParent(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        Receive<Props[]>(all => Sender.Tell(all.Select((p, i) => Context.ActorOf(p, $"c{i}")).ToArray()));
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;
}

namespace ActorRecorder.Actors.Tests.Supervision.Otp;

using ActorRecorder.Actors.Tests.Support;

/// <summary>Options of an <see cref="OtpWorker"/>.</summary>
public sealed record WorkerOptions
{
    /// <summary>Blocks PreStart until set.</summary>
    public ManualResetEventSlim? StartGate { get; init; }

    /// <summary>Blocks PostStop until set (a worker that "ignores" shutdown).</summary>
    public ManualResetEventSlim? StopGate { get; init; }

    /// <summary>Asked at each start (constructor): true makes the start fail.</summary>
    public Func<bool>? FailStart { get; init; }

    /// <summary>Where PostStop records the worker's id, in order, for specs that outlive the probes.</summary>
    public global::System.Collections.Concurrent.ConcurrentQueue<string>? StopLog { get; init; }
}

/// <summary>
/// A worker that reports ("id", "start") from PreStart and ("id", "stop") from PostStop to a probe,
/// with itself as sender, so a restart shows as stop + start from the same ref. It exits on request:
/// "normal" stops itself, Crash throws, Kill kills; "ping" answers "pong".
/// </summary>
public sealed class OtpWorker : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly string _id;
    private readonly WorkerOptions _options;

    public OtpWorker(IActorRef probe, string id, WorkerOptions options)
    {
        _probe = probe;
        _id = id;
        _options = options;
        if (options.FailStart?.Invoke() == true) throw new TestException($"{id} failed to start");
        Receive<Crash>(c => throw new TestException(c.Reason));
        Receive<string>(s => s == "normal", _ => Context.Stop(Self));
        Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
    }

    public static Props Props(IActorRef probe, string id, WorkerOptions? options = null) =>
        Actors.Props.Create(() => new OtpWorker(probe, id, options ?? new WorkerOptions()));

    protected override void PreStart()
    {
        _probe.Tell(new Lifecycle(_id, "start"), Self);
        _options.StartGate?.Wait(TimeSpan.FromSeconds(30));
    }

    protected override void PostStop()
    {
        _options.StopLog?.Enqueue(_id);
        _probe.Tell(new Lifecycle(_id, "stop"), Self);
        _options.StopGate?.Wait(TimeSpan.FromSeconds(30));
    }
}

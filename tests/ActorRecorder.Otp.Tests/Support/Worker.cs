using System.Runtime.CompilerServices;
using Akka.Actor;

namespace ActorRecorder.Otp.Tests.Support;

/// <summary>Options of a <see cref="Worker"/>.</summary>
public sealed record WorkerOptions
{
    /// <summary>Blocks PreStart until set.</summary>
    public ManualResetEventSlim? StartGate { get; init; }

    /// <summary>Asked in each constructor with the attempt number (1 for the first): true makes it throw.</summary>
    public Func<int, bool>? FailStart { get; init; }

    /// <summary>Called in each constructor with the attempt number, before <see cref="FailStart"/>.</summary>
    public Action<int>? OnConstruct { get; init; }

    /// <summary>Where PostStop records the worker's id, in order, for specs that outlive their probes.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string>? StopLog { get; init; }

    /// <summary>Counts constructions across incarnations.</summary>
    internal StrongBox<int> Attempts { get; } = new();
}

/// <summary>
/// A worker that reports ("id", "start") from PreStart and ("id", "stop") from PostStop to a probe, with itself as
/// sender, so an in-place restart shows as stop + start from the same ref. It exits on request: "normal" stops
/// itself, "shutdown" exits with <see cref="ExitReason.Shutdown"/>, <see cref="Crash"/> throws, Kill kills. It
/// answers "ping" with "pong" and passes any other string to the probe.
/// </summary>
public class Worker : ReceiveActor
{
    public Worker(IActorRef probe, string id, WorkerOptions options)
    {
        Probe = probe;
        Id = id;
        Options = options;
        var attempt = Interlocked.Increment(ref options.Attempts.Value);
        options.OnConstruct?.Invoke(attempt);
        if (options.FailStart?.Invoke(attempt) == true) throw new TestException($"{id} failed to start");
        Receive<Crash>(c => throw new TestException(c.Reason));
        Receive<string>(s => s == "normal", _ => Context.Stop(Self));
        Receive<string>(s => s == "shutdown", _ => throw new ExitException(ExitReason.Shutdown));
        Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        Receive<string>(s => Probe.Tell(s, Self));
    }

    protected IActorRef Probe { get; }

    protected string Id { get; }

    protected WorkerOptions Options { get; }

    public static Props Props(IActorRef probe, string id, WorkerOptions? options = null) =>
        Akka.Actor.Props.Create(() => new Worker(probe, id, options ?? new WorkerOptions()));

    protected override void PreStart()
    {
        Probe.Tell(new Lifecycle(Id, "start"), Self);
        Options.StartGate?.Wait(TimeSpan.FromSeconds(30));
    }

    protected override void PostStop()
    {
        Options.StopLog?.Enqueue(Id);
        Probe.Tell(new Lifecycle(Id, "stop"), Self);
    }
}

/// <summary>
/// A <see cref="Worker"/> that handles <see cref="GracefulShutdown"/>: it reports ("id", "graceful") and stops,
/// or, when told to ignore it, stays until it is stopped or told "normal".
/// </summary>
public sealed class GracefulWorker : Worker, IHandleGracefulShutdown
{
    public GracefulWorker(IActorRef probe, string id, WorkerOptions options, bool ignoreShutdown)
        : base(probe, id, options)
    {
        Receive<GracefulShutdown>(_ =>
        {
            Probe.Tell(new Lifecycle(Id, "graceful"), Self);
            if (!ignoreShutdown) Context.Stop(Self);
        });
    }

    public static Props Props(IActorRef probe, string id, bool ignoreShutdown = false, WorkerOptions? options = null) =>
        Akka.Actor.Props.Create(() => new GracefulWorker(probe, id, options ?? new WorkerOptions(), ignoreShutdown));
}

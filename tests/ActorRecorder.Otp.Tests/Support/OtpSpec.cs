using ActorRecorder.Testing;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Support;

/// <summary>
/// The base of the OTP specs: Akka's xunit TestKit with expectations long enough for a loaded 2-core
/// machine, and helpers for the lifecycle reports of <see cref="Worker"/>s.
/// </summary>
public abstract class OtpSpec : Akka.TestKit.Xunit2.TestKit
{
    protected OtpSpec(ITestOutputHelper output, string? config = null)
        : base(ConfigurationFactory.ParseString(config ?? "").WithFallback(SpecConfig.Text), output: output)
    {
    }

    protected OtpSpec(ITestOutputHelper output, Setup setup, string? config = null)
        : base(BootstrapSetup.Create().WithConfig(ConfigurationFactory.ParseString(config ?? "").WithFallback(SpecConfig.Text)).And(setup),
            nameof(OtpSpec), output)
    {
    }

    /// <summary>A worker spec reporting to the test actor.</summary>
    protected ChildSpec Worker(string id, Restart restart = Restart.Permanent, WorkerOptions? options = null, Shutdown? shutdown = null,
        bool significant = false, RestartMode? restartMode = null) =>
        new(id, Support.Worker.Props(TestActor, id, options), restart, shutdown, ChildType.Worker, significant, restartMode);

    /// <summary>Expects the start reports of <paramref name="ids"/> in that order and returns the children (their senders).</summary>
    protected IActorRef[] ExpectStarts(params string[] ids)
    {
        var refs = new IActorRef[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ExpectMsg(new Lifecycle(ids[i], "start"));
            refs[i] = LastSender;
        }
        return refs;
    }

    /// <summary>Expects the stop reports of <paramref name="ids"/> in that order.</summary>
    protected void ExpectStops(params string[] ids)
    {
        foreach (var id in ids) ExpectMsg(new Lifecycle(id, "stop"));
    }

    /// <summary>Makes <paramref name="child"/> exit: "normal" (it stops itself), "shutdown" (it exits with that reason), "crash" or "kill".</summary>
    protected void Exit(IActorRef child, string how)
    {
        switch (how)
        {
            case "normal":
            case "shutdown":
                child.Tell(how, TestActor);
                break;
            case "crash":
                child.Tell(new Crash(), TestActor);
                break;
            case "kill":
                child.Tell(Kill.Instance, TestActor);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, "normal, shutdown, crash or kill");
        }
    }

    /// <summary>
    /// Starts a supervisor under a parent that stops any failed child and reports the failure to the returned probe,
    /// so a supervisor that gives up terminates and its exit can be checked (under /user Akka would restart it).
    /// </summary>
    protected async Task<(IActorRef Supervisor, Akka.TestKit.TestProbe Parent)> StartUnderParentAsync(SupervisorFlags flags, IReadOnlyList<ChildSpec> specs)
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new ReportingParent(probe.Ref)));
        parent.Tell(Supervisor.Props(flags, specs), probe.Ref);
        var supervisor = probe.ExpectMsg<IActorRef>();
        probe.Watch(supervisor);
        await supervisor.WhichChildrenAsync(); // answered once the initial children have started
        return (supervisor, probe);
    }

    /// <summary>Expects the supervisor under a <see cref="StartUnderParentAsync"/> parent to fail with <typeparamref name="T"/>, then to terminate.</summary>
    protected static T ExpectExit<T>(Akka.TestKit.TestProbe parent, IActorRef supervisor) where T : Exception
    {
        var failure = parent.ExpectMsg<ChildFailed>();
        Assert.Equal(supervisor, failure.Child);
        var exit = Assert.IsType<T>(failure.Cause);
        parent.ExpectTerminated(supervisor);
        return exit;
    }

    /// <summary>Waits until <paramref name="actor"/> has taken every message sent to it before: Akka answers Identify after them.</summary>
    protected void Taken(IActorRef actor)
    {
        actor.Tell(new Identify("taken"), TestActor);
        ExpectMsg<ActorIdentity>();
    }

    protected async Task<ChildInfo> ChildAsync(IActorRef supervisor, string id) =>
        Assert.Single(await supervisor.WhichChildrenAsync(), c => c.Id == id);
}

/// <summary>A child failure seen by a <see cref="ReportingParent"/>.</summary>
public sealed record ChildFailed(IActorRef Child, Exception Cause);

/// <summary>Creates children from the props it receives (answering with the ref); stops any that fails and reports the failure.</summary>
public sealed class ReportingParent : ReceiveActor
{
    private readonly IActorRef _probe;

    public ReportingParent(IActorRef probe)
    {
        _probe = probe;
        Receive<Props>(props => Sender.Tell(Context.ActorOf(props, "sup")));
    }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
    {
        _probe.Tell(new ChildFailed(Sender, e));
        return Directive.Stop;
    });
}

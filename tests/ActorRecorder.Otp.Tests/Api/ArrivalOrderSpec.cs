using System.Collections.Concurrent;
using ActorRecorder.Otp.Tests.Support;
using Akka.Actor;
using Akka.Configuration;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Api;

/// <summary>
/// What a busy supervisor does with what arrives meanwhile: requests and exits are taken in arrival order, as an OTP
/// supervisor takes them from its one mailbox, and each sees the state its predecessors left.
/// </summary>
public sealed class ArrivalOrderSpec(ITestOutputHelper output) : OtpSpec(output)
{
    /// <summary>Sends <paramref name="message"/>, then waits until the supervisor has taken it.</summary>
    private void Queue(IActorRef supervisor, object message, IActorRef replyTo)
    {
        supervisor.Tell(message, replyTo);
        Taken(supervisor);
    }

    [Fact]
    public async Task A_request_queued_before_a_childs_exit_sees_the_child_still_there()
    {
        var gate = new ManualResetEventSlim();
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(intensity: 5), [Worker("a")]);
        var a = ExpectStarts("a")[0];
        var busy = supervisor.StartChildAsync(Worker("slow", options: new WorkerOptions { StartGate = gate }), TimeSpan.FromSeconds(30));
        ExpectMsg(new Lifecycle("slow", "start"));
        var requests = CreateTestProbe();
        Queue(supervisor, new DeleteChild("a"), requests.Ref);
        Exit(a, "normal"); // a permanent child stops itself after the request arrived
        ExpectStops("a");
        gate.Set();
        await busy;
        requests.ExpectMsg<SupervisorResult.Running>(); // OTP: {error, running}…
        var restarted = ExpectStarts("a")[0];             // …then the exit: a permanent child is restarted
        Assert.Equal(restarted, (await ChildAsync(supervisor, "a")).Child);
    }

    [Fact]
    public async Task A_shutdown_queued_during_the_start_of_a_child_that_stops_itself_at_once_completes()
    {
        var gate = new ManualResetEventSlim();
        var supervisor = Sys.ActorOf(Supervisor.Props(new SupervisorFlags(intensity: 0),
            [Worker("x", options: new WorkerOptions { StartGate = gate }), new ChildSpec("quit", Props.Create(() => new QuitsAtOnce(TestActor)), Restart.Temporary)]), "sup");
        ExpectMsg(new Lifecycle("x", "start"));
        Watch(supervisor);
        Queue(supervisor, GracefulShutdown.Instance, TestActor);
        gate.Set();
        ExpectMsg(new Lifecycle("quit", "start"));
        ExpectMsg(new Lifecycle("quit", "stop"));
        ExpectStops("x");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public async Task A_terminate_queued_for_a_child_that_stopped_itself_on_start_answers_Ok()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(intensity: 5), []);
        var gate = new ManualResetEventSlim();
        var slow = supervisor.StartChildAsync(Worker("slow", options: new WorkerOptions { StartGate = gate }), TimeSpan.FromSeconds(30));
        ExpectMsg(new Lifecycle("slow", "start"));
        var started = supervisor.StartChildAsync(new ChildSpec("quit", Props.Create(() => new QuitsAtOnce(TestActor)), Restart.Transient), TimeSpan.FromSeconds(30));
        var requests = CreateTestProbe();
        Queue(supervisor, new TerminateChild("quit"), requests.Ref);
        gate.Set();
        await slow;
        Assert.IsType<SupervisorResult.Started>(await started); // OTP answers {ok, Pid} and receives the exit after
        requests.ExpectMsg<SupervisorResult.Ok>();
        Assert.Null((await ChildAsync(supervisor, "quit")).Child);
    }

    [Fact]
    public async Task A_shutdown_queued_while_a_graceful_child_fails_on_its_start_does_not_wait_for_it()
    {
        var gate = new ManualResetEventSlim();
        // The calling-thread dispatcher makes the child fail before it answers the start acknowledgement.
        var crashing = Props.Create(() => new CrashesAtOnce(TestActor)).WithDispatcher("akka.test.calling-thread-dispatcher");
        var supervisor = Sys.ActorOf(Supervisor.Props(new SupervisorFlags(intensity: 5),
            [Worker("x", options: new WorkerOptions { StartGate = gate }), new ChildSpec("g", crashing, shutdown: Otp.Shutdown.Infinity)]), "sup");
        ExpectMsg(new Lifecycle("x", "start"));
        Watch(supervisor);
        Queue(supervisor, GracefulShutdown.Instance, TestActor);
        gate.Set();
        ExpectMsg(new Lifecycle("g", "start"));
        ExpectMsg(new Lifecycle("g", "stop")); // a failed child cannot take the graceful message: it is stopped
        ExpectStops("x");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void Readiness_asked_while_a_failed_start_stops_what_it_started_is_answered_with_the_failure()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(new SupervisorFlags(),
        [
            new ChildSpec("a", GracefulWorker.Props(TestActor, "a", ignoreShutdown: true), shutdown: Otp.Shutdown.Timeout(TimeSpan.FromSeconds(30))),
            Worker("b", options: new WorkerOptions { FailStart = _ => true }),
        ]), "sup");
        ExpectMsg(new Lifecycle("a", "start"));
        ExpectMsg(new Lifecycle("a", "graceful")); // b failed; a is being stopped and ignores it for now
        var asker = CreateTestProbe();
        supervisor.Tell(SupervisorReady.Instance, asker.Ref);
        asker.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // not "started": it is still giving up
        (LastSender).Tell("normal", TestActor);
        ExpectStops("a");
        var failure = asker.ExpectMsg<Status.Failure>();
        Assert.Equal("b", Assert.IsType<SupervisorStartException>(failure.Cause).ChildId);
    }

    [Fact]
    public async Task A_top_level_supervisor_that_shuts_down_automatically_is_not_restarted_by_the_guardian()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(autoShutdown: AutoShutdown.AnySignificant),
            [Worker("key", Restart.Transient, significant: true), Worker("other")]);
        var children = ExpectStarts("key", "other");
        Watch(supervisor);
        children[0].Tell("normal", TestActor);
        ExpectStops("key", "other");
        ExpectTerminated(supervisor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // no new "start": the guardian saw a stop, not a failure to restart
    }

    [Fact]
    public async Task A_top_level_supervisor_restarted_in_place_keeps_its_place_in_the_shutdown_order()
    {
        var system = ActorSystem.Create("order", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        var log = new ConcurrentQueue<string>();
        var first = await Supervisor.StartAsync(system, "first", new SupervisorFlags(intensity: 0),
            [new ChildSpec("f1", Support.Worker.Props(TestActor, "f1", new WorkerOptions { StopLog = log }))]);
        await Supervisor.StartAsync(system, "second", new SupervisorFlags(),
            [new ChildSpec("s1", Support.Worker.Props(ActorRefs.Nobody, "s1", new WorkerOptions { StopLog = log }))]);
        var f1 = ExpectStarts("f1")[0];
        f1.Tell(new Crash()); // "first" gives up; the guardian restarts it in place
        ExpectStops("f1");
        ExpectStarts("f1");
        log.Clear();
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["s1", "f1"], log); // "second" was started last: it stops first
    }

    private sealed class QuitsAtOnce(IActorRef probe) : ReceiveActor
    {
        protected override void PreStart()
        {
            probe.Tell(new Lifecycle("quit", "start"));
            Context.Stop(Self);
        }

        protected override void PostStop() => probe.Tell(new Lifecycle("quit", "stop"));
    }

    private sealed class CrashesAtOnce : ReceiveActor, IHandleGracefulShutdown
    {
        private readonly IActorRef _probe;

        public CrashesAtOnce(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => s == "boom", _ => throw new TestException("boom"));
            Receive<GracefulShutdown>(_ => Context.Stop(Self));
        }

        protected override void PreStart()
        {
            _probe.Tell(new Lifecycle("g", "start"));
            Self.Tell("boom");
        }

        protected override void PostStop() => _probe.Tell(new Lifecycle("g", "stop"));
    }
}

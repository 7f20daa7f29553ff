using System.Collections.Concurrent;
using ActorRecorder.Otp.Tests.Support;
using Akka.Actor;
using Akka.Configuration;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Stopping;

/// <summary>ActorSystem.Terminate() runs CoordinatedShutdown, whose service-stop phase shuts top-level supervisors down in OTP order.</summary>
public sealed class CoordinatedShutdownSpec(ITestOutputHelper output) : OtpSpec(output)
{
    private static ActorSystem NewSystem(string name, string config = "") =>
        ActorSystem.Create(name, ConfigurationFactory.ParseString(config).WithFallback("akka.loglevel = WARNING"));

    private static ChildSpec Logged(ConcurrentQueue<string> log, string id) =>
        new(id, Support.Worker.Props(ActorRefs.Nobody, id, new WorkerOptions { StopLog = log }));

    [Fact]
    public async Task Terminate_stops_a_three_level_tree_in_reverse_start_order()
    {
        var system = NewSystem("three-levels");
        var log = new ConcurrentQueue<string>();
        var leaves = Supervisor.Props(new SupervisorFlags(), [Logged(log, "leaf1"), Logged(log, "leaf2")]);
        var middle = Supervisor.Props(new SupervisorFlags(), [Logged(log, "m1"), new ChildSpec("leaves", leaves, type: ChildType.Supervisor), Logged(log, "m2")]);
        await Supervisor.StartAsync(system, "root", new SupervisorFlags(),
            [Logged(log, "a"), new ChildSpec("middle", middle, type: ChildType.Supervisor), Logged(log, "b")]);

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["b", "m2", "leaf2", "leaf1", "m1", "a"], log);
    }

    [Fact]
    public async Task Top_level_supervisors_stop_the_last_started_first()
    {
        var system = NewSystem("two-trees");
        var log = new ConcurrentQueue<string>();
        await Supervisor.StartAsync(system, "first", new SupervisorFlags(), [Logged(log, "f1"), Logged(log, "f2")]);
        await Supervisor.StartAsync(system, "second", new SupervisorFlags(), [Logged(log, "s1"), Logged(log, "s2")]);

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["s2", "s1", "f2", "f1"], log);
    }

    [Fact]
    public async Task A_supervisor_under_a_plain_actor_counts_as_top_level()
    {
        var system = NewSystem("under-plain");
        var log = new ConcurrentQueue<string>();
        var probe = CreateTestProbe();
        var parent = system.ActorOf(Props.Create(() => new ReportingParent(probe.Ref)), "plain");
        parent.Tell(Supervisor.Props(new SupervisorFlags(), [Logged(log, "x"), Logged(log, "y"), Logged(log, "z")]), probe.Ref);
        await probe.ExpectMsg<IActorRef>().WhichChildrenAsync();

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["z", "y", "x"], log);
    }

    [Fact]
    public async Task The_service_stop_phase_timeout_follows_the_shutdown_specs()
    {
        var system = NewSystem("budget");
        var slow = new ChildSpec("slow", GracefulWorker.Props(ActorRefs.Nobody, "slow"), shutdown: Otp.Shutdown.Timeout(TimeSpan.FromSeconds(20)));
        var slower = new ChildSpec("slower", GracefulWorker.Props(ActorRefs.Nobody, "slower"), shutdown: Otp.Shutdown.Timeout(TimeSpan.FromSeconds(30)));
        await Supervisor.StartAsync(system, "tree", new SupervisorFlags(), [slow, slower, Logged(new ConcurrentQueue<string>(), "plain")]);

        // 20 s + 30 s of graceful shutdowns, one after the other, and a second of slack; Akka's default would be 5 s.
        Assert.Equal(TimeSpan.FromSeconds(51), CoordinatedShutdown.Get(system).Timeout(CoordinatedShutdown.PhaseServiceStop));
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_configured_phase_timeout_is_kept_when_it_is_long_enough()
    {
        var system = NewSystem("configured", "akka.coordinated-shutdown.phases.service-stop.timeout = 90s");
        await Supervisor.StartAsync(system, "tree", new SupervisorFlags(),
            [new ChildSpec("slow", GracefulWorker.Props(ActorRefs.Nobody, "slow"), shutdown: Otp.Shutdown.Timeout(TimeSpan.FromSeconds(20)))]);
        Assert.Equal(TimeSpan.FromSeconds(90), CoordinatedShutdown.Get(system).Timeout(CoordinatedShutdown.PhaseServiceStop));
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Ordered_shutdown_can_be_turned_off()
    {
        var system = NewSystem("unordered", "actor-recorder.otp.ordered-shutdown = off");
        await Supervisor.StartAsync(system, "tree", new SupervisorFlags(),
            [new ChildSpec("slow", GracefulWorker.Props(ActorRefs.Nobody, "slow"), shutdown: Otp.Shutdown.Timeout(TimeSpan.FromSeconds(20)))]);
        Assert.False(OtpExtension.Get(system).Settings.OrderedShutdown);
        Assert.Equal(TimeSpan.FromSeconds(5), CoordinatedShutdown.Get(system).Timeout(CoordinatedShutdown.PhaseServiceStop));
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
    }
}

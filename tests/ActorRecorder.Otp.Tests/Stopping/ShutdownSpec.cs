using System.Collections.Concurrent;
using ActorRecorder.Otp.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Stopping;

/// <summary>Ordered shutdown: one child at a time, in reverse start order, each by its shutdown spec.</summary>
public sealed class ShutdownSpec(ITestOutputHelper output) : OtpSpec(output)
{
    [Fact]
    public async Task Children_stop_one_at_a_time_in_reverse_start_order()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(), [Worker("a"), Worker("b"), Worker("c")]);
        ExpectStarts("a", "b", "c");
        Watch(supervisor);
        await Supervisor.StopAsync(supervisor);
        ExpectStops("c", "b", "a");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public async Task Children_added_by_StartChild_are_stopped_first()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(), [Worker("static")]);
        ExpectStarts("static");
        Assert.IsType<SupervisorResult.Started>(await supervisor.StartChildAsync(Worker("dynamic")));
        ExpectStarts("dynamic");
        await Supervisor.StopAsync(supervisor);
        ExpectStops("dynamic", "static");
    }

    [Fact]
    public async Task Each_child_is_waited_for_before_the_next_is_asked()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker("first"), new ChildSpec("graceful", GracefulWorker.Props(TestActor, "graceful", ignoreShutdown: true), shutdown: Otp.Shutdown.Infinity)]);
        var children = ExpectStarts("first", "graceful");
        var stopping = Supervisor.StopAsync(supervisor);
        ExpectMsg(new Lifecycle("graceful", "graceful"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // "first" waits for "graceful"
        children[1].Tell("normal", TestActor);
        ExpectStops("graceful", "first");
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_brutal_kill_stops_the_child_at_once_without_asking()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [new ChildSpec("brutal", GracefulWorker.Props(TestActor, "brutal", ignoreShutdown: true), shutdown: Otp.Shutdown.BrutalKill)]);
        var child = ExpectStarts("brutal")[0];
        Watch(child);
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("brutal"));
        ExpectStops("brutal"); // no "graceful" first: it was not asked
        ExpectTerminated(child);
    }

    [Fact]
    public async Task A_worker_that_ignores_shutdown_is_stopped_after_its_timeout_and_the_supervisor_goes_on()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
        [
            Worker("first"),
            new ChildSpec("stubborn", GracefulWorker.Props(TestActor, "stubborn", ignoreShutdown: true), shutdown: Otp.Shutdown.Timeout(TimeSpan.FromMilliseconds(200))),
        ]);
        ExpectStarts("first", "stubborn");
        Watch(supervisor);
        await EventFilter.Error(contains: "did not stop within its shutdown timeout").ExpectOneAsync(async () =>
        {
            _ = Supervisor.StopAsync(supervisor);
            ExpectMsg(new Lifecycle("stubborn", "graceful")); // it ignores the request…
            ExpectStops("stubborn");                           // …after 200 ms it is stopped regardless…
            ExpectStops("first");                              // …and the supervisor goes on
            await Task.CompletedTask;
        });
        ExpectTerminated(supervisor);
    }

    [Fact]
    public async Task Infinity_waits_for_the_child_however_long_it_takes()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [new ChildSpec("patient", GracefulWorker.Props(TestActor, "patient", ignoreShutdown: true), shutdown: Otp.Shutdown.Infinity)]);
        var child = ExpectStarts("patient")[0];
        var terminating = supervisor.TerminateChildAsync("patient", Timeout.InfiniteTimeSpan);
        ExpectMsg(new Lifecycle("patient", "graceful"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.False(terminating.IsCompleted);
        child.Tell("normal", TestActor);
        ExpectStops("patient");
        Assert.IsType<SupervisorResult.Ok>(await terminating.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_plain_worker_is_stopped_at_once_whatever_its_shutdown_timeout()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker("plain", shutdown: Otp.Shutdown.Timeout(TimeSpan.FromMinutes(5)))]);
        ExpectStarts("plain");
        var terminating = supervisor.TerminateChildAsync("plain", TimeSpan.FromSeconds(30));
        ExpectStops("plain");
        Assert.IsType<SupervisorResult.Ok>(await terminating);
    }

    [Fact]
    public async Task A_supervisor_with_ten_thousand_dynamic_children_shuts_down_in_reverse_order()
    {
        const int count = 10_000;
        var stopped = new ConcurrentQueue<string>();
        var quiet = CreateTestProbe();
        var supervisor = await Supervisor.StartAsync(Sys, "big", new SupervisorFlags(), []);
        for (var i = 0; i < count; i++)
        {
            var spec = new ChildSpec($"c{i}", Support.Worker.Props(quiet.Ref, $"c{i}", new WorkerOptions { StopLog = stopped }));
            supervisor.Tell(new StartChild(spec), quiet.Ref);
        }
        Assert.Equal(count, (await supervisor.CountChildrenAsync(TimeSpan.FromMinutes(2))).Active);
        await Supervisor.StopAsync(supervisor).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(Enumerable.Range(0, count).Reverse().Select(i => $"c{i}"), stopped);
    }

    [Fact]
    public async Task Akkas_own_stop_of_a_supervisor_stops_its_children_all_at_once()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker("a"), new ChildSpec("graceful", GracefulWorker.Props(TestActor, "graceful", ignoreShutdown: true), shutdown: Otp.Shutdown.Infinity)]);
        ExpectStarts("a", "graceful");
        Watch(supervisor);
        supervisor.Tell(PoisonPill.Instance);
        // No graceful request, no order: Akka stops every child before the supervisor's own code can run.
        var stops = ReceiveN(2).Cast<Lifecycle>().Select(l => l.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["a", "graceful"], stops);
        ExpectTerminated(supervisor);
    }
}

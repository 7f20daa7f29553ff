namespace ActorRecorder.Actors.Tests.Supervision.Otp;

using System.Collections.Concurrent;
using ActorRecorder.Actors.Supervision;
using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;
using static ActorRecorder.Actors.Tests.Supervision.Otp.OtpKit;

public sealed class OtpShutdownSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public async Task Children_stop_one_at_a_time_in_reverse_start_order()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker(this, "a"), Worker(this, "b"), Worker(this, "c")]);
        this.ExpectStarts("a", "b", "c");
        Watch(supervisor);
        Sys.Stop(supervisor);
        this.ExpectStops("c", "b", "a");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public async Task Children_added_by_StartChild_are_stopped_first()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(), [Worker(this, "static")]);
        this.ExpectStarts("static");
        Assert.IsType<SupervisorResult.Started>(await supervisor.StartChildAsync(Worker(this, "dynamic")));
        this.ExpectStarts("dynamic");
        Sys.Stop(supervisor);
        this.ExpectStops("dynamic", "static");
    }

    [Fact]
    public async Task A_brutal_kill_ends_the_child_without_PostStop()
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker(this, "brutal", shutdown: Shutdown.BrutalKill)]);
        var child = this.ExpectStarts("brutal")[0];
        Watch(child);
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("brutal"));
        Assert.Equal(ExitReason.Killed, ExpectTerminated(child).Reason);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // no "stop": PostStop did not run
    }

    [Fact]
    public async Task A_worker_that_ignores_shutdown_is_killed_after_its_timeout_and_the_supervisor_goes_on()
    {
        var stuck = new ManualResetEventSlim();
        try
        {
            var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [
                Worker(this, "first"),
                Worker(this, "stubborn", options: new WorkerOptions { StopGate = stuck }, shutdown: Shutdown.Timeout(TimeSpan.FromMilliseconds(200))),
            ]);
            this.ExpectStarts("first", "stubborn");
            Watch(supervisor);
            Sys.Stop(supervisor);
            this.ExpectStops("stubborn"); // it is stuck in PostStop…
            this.ExpectStops("first");    // …and after 200 ms the supervisor kills it and goes on
            ExpectTerminated(supervisor);
        }
        finally
        {
            stuck.Set();
        }
    }

    [Fact]
    public async Task Infinity_waits_for_the_child_however_long_it_takes()
    {
        var slow = new ManualResetEventSlim();
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker(this, "patient", options: new WorkerOptions { StopGate = slow }, shutdown: Shutdown.Infinity)]);
        this.ExpectStarts("patient");
        var terminating = supervisor.TerminateChildAsync("patient");
        this.ExpectStops("patient");
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.False(terminating.IsCompleted);
        slow.Set();
        Assert.IsType<SupervisorResult.Ok>(await terminating.WaitAsync(TimeSpan.FromSeconds(10)));
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
            var spec = new ChildSpec($"c{i}", OtpWorker.Props(quiet.Ref, $"c{i}", new WorkerOptions { StopLog = stopped }));
            supervisor.Tell(new StartChild(spec), quiet.Ref);
        }
        Assert.Equal(count, (await supervisor.CountChildrenAsync()).Active);
        Assert.True(await supervisor.GracefulStop(TimeSpan.FromSeconds(60)));
        Assert.Equal(Enumerable.Range(0, count).Reverse().Select(i => $"c{i}"), stopped);
    }
}

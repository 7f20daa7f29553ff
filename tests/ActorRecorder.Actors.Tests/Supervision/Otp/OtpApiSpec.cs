namespace ActorRecorder.Actors.Tests.Supervision.Otp;

using ActorRecorder.Actors.Supervision;
using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;
using static ActorRecorder.Actors.Tests.Supervision.Otp.OtpKit;

public sealed class OtpApiSpec(ITestOutputHelper output) : TestKit(output)
{
    private async Task<IActorRef> StartedSupervisor(params ChildSpec[] specs)
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(intensity: 5), specs);
        this.ExpectStarts(specs.Select(s => s.Id).ToArray());
        return supervisor;
    }

    [Fact]
    public async Task StartChild_starts_and_reports_the_child()
    {
        var supervisor = await StartedSupervisor();
        var result = Assert.IsType<SupervisorResult.Started>(await supervisor.StartChildAsync(Worker(this, "new")));
        ExpectMsg(new Lifecycle("new", "start"));
        Assert.Equal(result.Child, LastSender);
        Assert.Equal("new", result.Child.Path.Name);
    }

    [Fact]
    public async Task StartChild_with_a_running_id_answers_AlreadyStarted()
    {
        var supervisor = await StartedSupervisor(Worker(this, "dup"));
        var running = (await ChildAsync(supervisor, "dup")).Child!;
        var result = Assert.IsType<SupervisorResult.AlreadyStarted>(await supervisor.StartChildAsync(Worker(this, "dup")));
        Assert.Equal(running, result.Child);
    }

    [Fact]
    public async Task StartChild_with_a_present_but_stopped_id_answers_AlreadyPresent()
    {
        var supervisor = await StartedSupervisor(Worker(this, "dup"));
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("dup"));
        Assert.IsType<SupervisorResult.AlreadyPresent>(await supervisor.StartChildAsync(Worker(this, "dup")));
    }

    [Fact]
    public async Task StartChild_whose_start_fails_answers_StartFailed_and_keeps_no_spec()
    {
        var supervisor = await StartedSupervisor();
        var result = Assert.IsType<SupervisorResult.StartFailed>(await supervisor.StartChildAsync(
            Worker(this, "broken", options: new WorkerOptions { FailStart = () => true })));
        Assert.Equal("broken failed to start", result.Reason.Exception!.Message);
        Assert.Empty(await supervisor.WhichChildrenAsync());
    }

    [Fact]
    public async Task A_failed_start_frees_the_id_for_an_immediate_retry()
    {
        var supervisor = await StartedSupervisor();
        var attempts = 0;
        var spec = Worker(this, "retry", options: new WorkerOptions { FailStart = () => Interlocked.Increment(ref attempts) == 1 });
        Assert.IsType<SupervisorResult.StartFailed>(await supervisor.StartChildAsync(spec));
        Assert.IsType<SupervisorResult.Started>(await supervisor.StartChildAsync(spec));
        ExpectMsg(new Lifecycle("retry", "start"));
    }

    [Fact]
    public async Task StartChild_with_an_invalid_spec_answers_StartFailed_naming_the_problem()
    {
        var supervisor = await StartedSupervisor();
        var result = Assert.IsType<SupervisorResult.StartFailed>(await supervisor.StartChildAsync(Worker(this, "sig", Restart.Transient, significant: true)));
        Assert.Contains("bad_combination", result.Reason.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminateChild_stops_the_child_keeps_the_spec_and_answers_Ok_or_NotFound()
    {
        var supervisor = await StartedSupervisor(Worker(this, "t"));
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("t"));
        this.ExpectStops("t");
        var info = await ChildAsync(supervisor, "t");
        Assert.Null(info.Child);
        Assert.IsType<SupervisorResult.NotFound>(await supervisor.TerminateChildAsync("missing"));
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("t")); // not running: still ok
    }

    [Fact]
    public async Task A_permanent_child_terminated_by_the_supervisor_is_not_restarted()
    {
        var supervisor = await StartedSupervisor(Worker(this, "p"));
        await supervisor.TerminateChildAsync("p");
        this.ExpectStops("p");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task TerminateChild_by_ref_works_and_an_unknown_ref_is_NotFound()
    {
        var supervisor = await StartedSupervisor(Worker(this, "r"));
        var child = (await ChildAsync(supervisor, "r")).Child!;
        Assert.IsType<SupervisorResult.NotFound>(await supervisor.TerminateChildAsync(TestActor));
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync(child));
        this.ExpectStops("r");
    }

    [Fact]
    public async Task Terminating_a_temporary_child_removes_its_spec()
    {
        var supervisor = await StartedSupervisor(Worker(this, "temp", Restart.Temporary));
        await supervisor.TerminateChildAsync("temp");
        Assert.Empty(await supervisor.WhichChildrenAsync());
        Assert.IsType<SupervisorResult.NotFound>(await supervisor.RestartChildAsync("temp"));
    }

    [Fact]
    public async Task RestartChild_starts_a_stopped_child_again_and_refuses_running_or_unknown_ones()
    {
        var supervisor = await StartedSupervisor(Worker(this, "rc"));
        Assert.IsType<SupervisorResult.Running>(await supervisor.RestartChildAsync("rc"));
        Assert.IsType<SupervisorResult.NotFound>(await supervisor.RestartChildAsync("nope"));
        var before = (await ChildAsync(supervisor, "rc")).Child!;
        await supervisor.TerminateChildAsync("rc");
        this.ExpectStops("rc");
        var started = Assert.IsType<SupervisorResult.Started>(await supervisor.RestartChildAsync("rc"));
        ExpectMsg(new Lifecycle("rc", "start"));
        Assert.NotEqual(before, started.Child); // a new incarnation: the old one had terminated
        Assert.Equal(started.Child, (await ChildAsync(supervisor, "rc")).Child);
    }

    [Fact]
    public async Task RestartChild_and_DeleteChild_answer_Restarting_while_the_child_restarts()
    {
        var gate = new ManualResetEventSlim();
        var options = new WorkerOptions { StartGate = gate };
        gate.Set();
        var supervisor = await StartedSupervisor(Worker(this, "slow", options: options));
        var child = (await ChildAsync(supervisor, "slow")).Child!;
        gate.Reset();
        child.Tell(new Crash(), TestActor);
        this.ExpectStops("slow");
        ExpectMsg(new Lifecycle("slow", "start")); // the new instance is inside PreStart, blocked
        try
        {
            Assert.True((await ChildAsync(supervisor, "slow")).Restarting);
            Assert.IsType<SupervisorResult.Restarting>(await supervisor.RestartChildAsync("slow"));
            Assert.IsType<SupervisorResult.Restarting>(await supervisor.DeleteChildAsync("slow"));
        }
        finally
        {
            gate.Set();
        }
        await AwaitAssertAsync(async () => Assert.False((await ChildAsync(supervisor, "slow")).Restarting));
    }

    [Fact]
    public async Task DeleteChild_removes_only_a_stopped_spec()
    {
        var supervisor = await StartedSupervisor(Worker(this, "d"));
        Assert.IsType<SupervisorResult.Running>(await supervisor.DeleteChildAsync("d"));
        Assert.IsType<SupervisorResult.NotFound>(await supervisor.DeleteChildAsync("unknown"));
        await supervisor.TerminateChildAsync("d");
        Assert.IsType<SupervisorResult.Ok>(await supervisor.DeleteChildAsync("d"));
        Assert.Empty(await supervisor.WhichChildrenAsync());
        Assert.IsType<SupervisorResult.NotFound>(await supervisor.DeleteChildAsync("d"));
    }

    [Fact]
    public async Task WhichChildren_lists_id_ref_restarting_and_type_in_start_order()
    {
        var inner = Supervisor.Props(new SupervisorFlags(), []);
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker(this, "w1"), new ChildSpec("s1", inner, type: ChildType.Supervisor), Worker(this, "w2")]);
        this.ExpectStarts("w1", "w2");
        var children = await supervisor.WhichChildrenAsync();
        Assert.Equal(["w1", "s1", "w2"], children.Select(c => c.Id));
        Assert.Equal([ChildType.Worker, ChildType.Supervisor, ChildType.Worker], children.Select(c => c.Type));
        Assert.All(children, c => Assert.False(c.Restarting));
        Assert.All(children, c => Assert.Equal(c.Id, c.Child!.Path.Name));
    }

    [Fact]
    public async Task CountChildren_counts_specs_active_supervisors_and_workers()
    {
        var inner = Supervisor.Props(new SupervisorFlags(), []);
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker(this, "w1"), Worker(this, "w2"), new ChildSpec("s", inner, type: ChildType.Supervisor)]);
        this.ExpectStarts("w1", "w2");
        await supervisor.TerminateChildAsync("w2");
        Assert.Equal(new ChildCounts(3, 2, 1, 2), await supervisor.CountChildrenAsync());
    }

    [Fact]
    public async Task GetChildSpec_returns_the_spec_or_null()
    {
        var spec = Worker(this, "g", Restart.Transient);
        var supervisor = await StartedSupervisor(spec);
        var found = await supervisor.GetChildSpecAsync("g");
        Assert.Same(spec, found);
        Assert.Null(await supervisor.GetChildSpecAsync("missing"));
    }

    [Fact]
    public async Task The_API_fails_at_once_when_the_supervisor_is_dead()
    {
        var supervisor = await StartedSupervisor();
        Watch(supervisor);
        Sys.Stop(supervisor);
        ExpectTerminated(supervisor);
        await Assert.ThrowsAsync<AskTargetTerminatedException>(() => supervisor.WhichChildrenAsync());
    }
}

using ActorRecorder.Otp.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Api;

/// <summary>start_child, terminate_child, restart_child, delete_child, which_children, count_children, get_childspec and every result they give.</summary>
public sealed class SupervisorApiSpec(ITestOutputHelper output) : OtpSpec(output)
{
    private async Task<IActorRef> StartedSupervisor(params ChildSpec[] specs)
    {
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(intensity: 5), specs);
        ExpectStarts([.. specs.Select(s => s.Id)]);
        return supervisor;
    }

    [Fact]
    public async Task StartChild_starts_and_reports_the_child()
    {
        var supervisor = await StartedSupervisor();
        var result = Assert.IsType<SupervisorResult.Started>(await supervisor.StartChildAsync(Worker("new")));
        ExpectMsg(new Lifecycle("new", "start"));
        Assert.Equal(result.Child, LastSender);
        Assert.Equal("new", result.Child.Path.Name);
    }

    [Fact]
    public async Task StartChild_with_a_running_id_answers_AlreadyStarted()
    {
        var supervisor = await StartedSupervisor(Worker("dup"));
        var running = (await ChildAsync(supervisor, "dup")).Child!;
        var result = Assert.IsType<SupervisorResult.AlreadyStarted>(await supervisor.StartChildAsync(Worker("dup")));
        Assert.Equal(running, result.Child);
    }

    [Fact]
    public async Task StartChild_with_a_present_but_stopped_id_answers_AlreadyPresent()
    {
        var supervisor = await StartedSupervisor(Worker("dup"));
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("dup"));
        Assert.IsType<SupervisorResult.AlreadyPresent>(await supervisor.StartChildAsync(Worker("dup")));
    }

    [Fact]
    public async Task StartChild_whose_start_fails_answers_StartFailed_with_the_real_cause_and_keeps_no_spec()
    {
        var supervisor = await StartedSupervisor();
        var result = Assert.IsType<SupervisorResult.StartFailed>(await supervisor.StartChildAsync(
            Worker("broken", options: new WorkerOptions { FailStart = _ => true })));
        Assert.Equal("broken failed to start", Assert.IsType<TestException>(result.Reason.Exception).Message);
        Assert.Empty(await supervisor.WhichChildrenAsync());
    }

    [Fact]
    public async Task A_failed_start_frees_the_id_for_an_immediate_retry()
    {
        var supervisor = await StartedSupervisor();
        var spec = Worker("retry", options: new WorkerOptions { FailStart = attempt => attempt == 1 });
        Assert.IsType<SupervisorResult.StartFailed>(await supervisor.StartChildAsync(spec));
        Assert.IsType<SupervisorResult.Started>(await supervisor.StartChildAsync(spec));
        ExpectMsg(new Lifecycle("retry", "start"));
    }

    [Fact]
    public async Task StartChild_with_an_invalid_spec_answers_StartFailed_naming_the_problem()
    {
        var supervisor = await StartedSupervisor();
        var result = Assert.IsType<SupervisorResult.StartFailed>(await supervisor.StartChildAsync(Worker("sig", Restart.Transient, significant: true)));
        var error = Assert.IsType<InvalidChildSpecException>(result.Reason.Exception);
        Assert.Equal("bad_combination", error.Reason);
        Assert.Equal("sig", error.ChildId);
    }

    [Fact]
    public async Task StartChild_with_arguments_on_a_supervisor_that_needs_a_spec_answers_StartFailed()
    {
        var supervisor = await StartedSupervisor();
        var result = Assert.IsType<SupervisorResult.StartFailed>(await supervisor.StartChildAsync(["x"]));
        Assert.Contains("give a child spec", result.Reason.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminateChild_stops_the_child_keeps_the_spec_and_answers_Ok_or_NotFound()
    {
        var supervisor = await StartedSupervisor(Worker("t"));
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("t"));
        ExpectStops("t");
        Assert.Null((await ChildAsync(supervisor, "t")).Child);
        Assert.IsType<SupervisorResult.NotFound>(await supervisor.TerminateChildAsync("missing"));
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("t")); // not running: still ok
    }

    [Fact]
    public async Task TerminateChild_answers_once_the_child_has_terminated()
    {
        var supervisor = await StartedSupervisor(Worker("t"));
        var child = (await ChildAsync(supervisor, "t")).Child!;
        Watch(child);
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync("t"));
        // The Terminated notice was already on its way when the supervisor answered.
        ExpectStops("t");
        ExpectTerminated(child);
        Assert.IsType<SupervisorResult.Started>(await supervisor.RestartChildAsync("t")); // and the name is free
    }

    [Fact]
    public async Task A_permanent_child_terminated_by_the_supervisor_is_not_restarted()
    {
        var supervisor = await StartedSupervisor(Worker("p"));
        await supervisor.TerminateChildAsync("p");
        ExpectStops("p");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task TerminateChild_by_ref_works_and_an_unknown_ref_is_NotFound()
    {
        var supervisor = await StartedSupervisor(Worker("r"));
        var child = (await ChildAsync(supervisor, "r")).Child!;
        Assert.IsType<SupervisorResult.NotFound>(await supervisor.TerminateChildAsync(TestActor));
        Assert.IsType<SupervisorResult.Ok>(await supervisor.TerminateChildAsync(child));
        ExpectStops("r");
    }

    [Fact]
    public async Task Terminating_a_temporary_child_removes_its_spec()
    {
        var supervisor = await StartedSupervisor(Worker("temp", Restart.Temporary));
        await supervisor.TerminateChildAsync("temp");
        Assert.Empty(await supervisor.WhichChildrenAsync());
        Assert.IsType<SupervisorResult.NotFound>(await supervisor.RestartChildAsync("temp"));
    }

    [Fact]
    public async Task RestartChild_starts_a_stopped_child_again_and_refuses_running_or_unknown_ones()
    {
        var supervisor = await StartedSupervisor(Worker("rc"));
        Assert.IsType<SupervisorResult.Running>(await supervisor.RestartChildAsync("rc"));
        Assert.IsType<SupervisorResult.NotFound>(await supervisor.RestartChildAsync("nope"));
        var before = (await ChildAsync(supervisor, "rc")).Child!;
        await supervisor.TerminateChildAsync("rc");
        ExpectStops("rc");
        var started = Assert.IsType<SupervisorResult.Started>(await supervisor.RestartChildAsync("rc"));
        ExpectMsg(new Lifecycle("rc", "start"));
        Assert.NotEqual(before, started.Child); // a new incarnation: the old one had terminated
        Assert.Equal(started.Child, (await ChildAsync(supervisor, "rc")).Child);
    }

    [Fact]
    public async Task RestartChild_whose_start_fails_answers_StartFailed_and_keeps_the_spec()
    {
        var options = new WorkerOptions { FailStart = attempt => attempt == 2 };
        var supervisor = await StartedSupervisor(Worker("rc", options: options));
        await supervisor.TerminateChildAsync("rc");
        ExpectStops("rc");
        Assert.IsType<TestException>(Assert.IsType<SupervisorResult.StartFailed>(await supervisor.RestartChildAsync("rc")).Reason.Exception);
        Assert.Null((await ChildAsync(supervisor, "rc")).Child);
        Assert.IsType<SupervisorResult.Started>(await supervisor.RestartChildAsync("rc"));
    }

    [Fact]
    public async Task RestartChild_and_DeleteChild_answer_Restarting_while_a_failed_restart_waits_to_be_tried_again()
    {
        IActorRef supervisor = ActorRefs.Nobody;
        var requests = CreateTestProbe();
        // The second construction (the first restart) fails. Under rest_for_one the supervisor waits for every start of
        // a group restart, so the requests sent meanwhile are answered after the failure and before OTP's try_again_restart.
        var options = new WorkerOptions
        {
            OnConstruct = attempt =>
            {
                if (attempt != 2) return;
                supervisor.Tell(new RestartChild("flaky"), requests.Ref);
                supervisor.Tell(new DeleteChild("flaky"), requests.Ref);
                supervisor.Tell(WhichChildren.Instance, requests.Ref);
                supervisor.Tell(CountChildren.Instance, requests.Ref);
            },
            FailStart = attempt => attempt == 2,
        };
        supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(SupervisorStrategyKind.RestForOne, intensity: 5), [Worker("flaky", options: options)]);
        ExpectStarts("flaky");
        var child = (await ChildAsync(supervisor, "flaky")).Child!;
        child.Tell(new Crash(), TestActor);
        requests.ExpectMsg<SupervisorResult.Restarting>();
        requests.ExpectMsg<SupervisorResult.Restarting>();
        var info = Assert.Single(requests.ExpectMsg<IReadOnlyList<ChildInfo>>());
        Assert.True(info.Restarting);
        Assert.Null(info.Child);
        Assert.Equal(new ChildCounts(1, 0, 0, 1), requests.ExpectMsg<ChildCounts>());
        ExpectStops("flaky");
        var retried = ExpectStarts("flaky")[0]; // the retry works
        Assert.NotEqual(child, retried);
        var now = await ChildAsync(supervisor, "flaky");
        Assert.False(now.Restarting);
        Assert.Equal(retried, now.Child);
    }

    [Fact]
    public async Task DeleteChild_removes_only_a_stopped_spec()
    {
        var supervisor = await StartedSupervisor(Worker("d"));
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
            [Worker("w1"), new ChildSpec("s1", inner, type: ChildType.Supervisor), Worker("w2")]);
        ExpectStarts("w1", "w2");
        await supervisor.StartChildAsync(Worker("w3"));
        ExpectStarts("w3");
        var children = await supervisor.WhichChildrenAsync();
        Assert.Equal(["w1", "s1", "w2", "w3"], children.Select(c => c.Id));
        Assert.Equal([ChildType.Worker, ChildType.Supervisor, ChildType.Worker, ChildType.Worker], children.Select(c => c.Type));
        Assert.All(children, c => Assert.False(c.Restarting));
        Assert.All(children, c => Assert.Equal(c.Id, c.Child!.Path.Name));
    }

    [Fact]
    public async Task CountChildren_counts_specs_active_supervisors_and_workers()
    {
        var inner = Supervisor.Props(new SupervisorFlags(), []);
        var supervisor = await Supervisor.StartAsync(Sys, "sup", new SupervisorFlags(),
            [Worker("w1"), Worker("w2"), new ChildSpec("s", inner, type: ChildType.Supervisor)]);
        ExpectStarts("w1", "w2");
        await supervisor.TerminateChildAsync("w2");
        Assert.Equal(new ChildCounts(3, 2, 1, 2), await supervisor.CountChildrenAsync());
    }

    [Fact]
    public async Task GetChildSpec_returns_the_spec_by_id_or_ref_or_null()
    {
        var spec = Worker("g", Restart.Transient);
        var supervisor = await StartedSupervisor(spec);
        Assert.Same(spec, await supervisor.GetChildSpecAsync("g"));
        Assert.Same(spec, await supervisor.GetChildSpecAsync((await ChildAsync(supervisor, "g")).Child!));
        Assert.Null(await supervisor.GetChildSpecAsync("missing"));
        Assert.Null(await supervisor.GetChildSpecAsync(TestActor));
    }

    [Fact]
    public async Task The_API_fails_at_once_when_the_supervisor_is_dead()
    {
        var supervisor = await StartedSupervisor();
        Watch(supervisor);
        Sys.Stop(supervisor);
        ExpectTerminated(supervisor);
        var error = await Assert.ThrowsAsync<NoProcException>(() => supervisor.WhichChildrenAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(supervisor, error.Target);
    }

    [Fact]
    public async Task The_API_can_be_sent_as_messages_with_Ask()
    {
        var supervisor = await StartedSupervisor(Worker("m"));
        var children = await supervisor.Ask<IReadOnlyList<ChildInfo>>(WhichChildren.Instance, TimeSpan.FromSeconds(10));
        Assert.Equal("m", Assert.Single(children).Id);
        Assert.IsType<SupervisorResult.Running>(await supervisor.Ask<SupervisorResult>(new RestartChild("m"), TimeSpan.FromSeconds(10)));
    }
}

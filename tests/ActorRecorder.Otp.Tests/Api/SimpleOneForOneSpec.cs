using ActorRecorder.Otp.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

namespace ActorRecorder.Otp.Tests.Api;

/// <summary>simple_one_for_one: children from a template and start arguments, addressed by ref, stopped all at once.</summary>
public sealed class SimpleOneForOneSpec(ITestOutputHelper output) : OtpSpec(output)
{
    private Task<IActorRef> StartPool(Restart restart = Restart.Transient, Shutdown? shutdown = null) =>
        Supervisor.StartAsync(Sys, "pool", new SupervisorFlags(SupervisorStrategyKind.SimpleOneForOne, intensity: 5),
            [new ChildSpec("worker", args => args.Count > 1 && args[1] is true
                ? GracefulWorker.Props(TestActor, (string)args[0]!, ignoreShutdown: true)
                : Support.Worker.Props(TestActor, (string)args[0]!), restart, shutdown)]);

    [Fact]
    public async Task Children_start_from_the_template_with_the_given_arguments()
    {
        var pool = await StartPool();
        var first = Assert.IsType<SupervisorResult.Started>(await pool.StartChildAsync(["one"]));
        ExpectMsg(new Lifecycle("one", "start"));
        Assert.Equal(first.Child, LastSender);
        await pool.StartChildAsync(["two"]);
        ExpectMsg(new Lifecycle("two", "start"));
        var children = await pool.WhichChildrenAsync();
        Assert.Equal(2, children.Count);
        Assert.All(children, c => Assert.Equal("worker", c.Id));
        Assert.Equal(first.Child, children[0].Child);
        // OTP counts one spec, the template, and the children by its type.
        Assert.Equal(new ChildCounts(1, 2, 0, 2), await pool.CountChildrenAsync());
    }

    [Fact]
    public async Task The_calls_that_need_an_id_answer_SimpleOneForOne()
    {
        var pool = await StartPool();
        Assert.IsType<SupervisorResult.SimpleOneForOne>(await pool.RestartChildAsync("worker"));
        Assert.IsType<SupervisorResult.SimpleOneForOne>(await pool.DeleteChildAsync("worker"));
        Assert.IsType<SupervisorResult.SimpleOneForOne>(await pool.TerminateChildAsync("worker"));
    }

    [Fact]
    public async Task Starting_with_a_spec_instead_of_arguments_fails()
    {
        var pool = await StartPool();
        var result = Assert.IsType<SupervisorResult.StartFailed>(await pool.StartChildAsync(new ChildSpec("x", Props.Empty)));
        Assert.Contains("start arguments", result.Reason.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_argument_list_is_a_start_failure()
    {
        var pool = await StartPool();
        var result = Assert.IsType<SupervisorResult.StartFailed>(await pool.StartChildAsync([42]));
        Assert.IsType<InvalidCastException>(result.Reason.Exception);
        Assert.Empty(await pool.WhichChildrenAsync());
    }

    [Fact]
    public async Task Children_are_terminated_by_ref_and_GetChildSpec_by_ref_gives_the_template()
    {
        var pool = await StartPool();
        var started = (SupervisorResult.Started)await pool.StartChildAsync(["victim"]);
        ExpectMsg(new Lifecycle("victim", "start"));
        Assert.Equal("worker", (await pool.GetChildSpecAsync(started.Child))!.Id);
        Assert.Equal("worker", (await pool.GetChildSpecAsync("worker"))!.Id);
        Assert.IsType<SupervisorResult.Ok>(await pool.TerminateChildAsync(started.Child));
        ExpectMsg(new Lifecycle("victim", "stop"));
        Assert.Empty(await pool.WhichChildrenAsync());
        Assert.IsType<SupervisorResult.NotFound>(await pool.TerminateChildAsync(started.Child));
    }

    [Fact]
    public async Task A_transient_child_that_exits_normally_vanishes_and_a_crashed_one_is_restarted_in_place()
    {
        var pool = await StartPool(Restart.Transient);
        var done = (SupervisorResult.Started)await pool.StartChildAsync(["done"]);
        var crashy = (SupervisorResult.Started)await pool.StartChildAsync(["crashy"]);
        ExpectMsgAllOf([new Lifecycle("done", "start"), new Lifecycle("crashy", "start")]);
        done.Child.Tell("normal", TestActor);
        ExpectMsg(new Lifecycle("done", "stop"));
        crashy.Child.Tell(new Crash(), TestActor);
        ExpectMsg(new Lifecycle("crashy", "stop"));
        ExpectMsg(new Lifecycle("crashy", "start"));
        var remaining = Assert.Single(await pool.WhichChildrenAsync());
        Assert.Equal(crashy.Child, remaining.Child);
    }

    [Fact]
    public async Task Children_stop_all_at_once_when_the_pool_shuts_down()
    {
        var pool = await StartPool(shutdown: Otp.Shutdown.Timeout(TimeSpan.FromSeconds(30)));
        var children = new List<IActorRef>();
        for (var i = 0; i < 5; i++)
        {
            // Every child ignores the graceful request: a one-at-a-time shutdown would wait 30 s for the first.
            children.Add(((SupervisorResult.Started)await pool.StartChildAsync([$"c{i}", true])).Child);
            ExpectMsg(new Lifecycle($"c{i}", "start"));
        }
        var stopping = Supervisor.StopAsync(pool);
        var asked = ReceiveN(5).Cast<Lifecycle>().Select(l => l.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["c0", "c1", "c2", "c3", "c4"], asked); // all five were asked before any stopped
        foreach (var child in children) child.Tell("normal", TestActor);
        var stops = ReceiveN(5).Cast<Lifecycle>();
        Assert.All(stops, s => Assert.Equal("stop", s.Event));
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Shutdown_Timeout_stops_the_children_that_ignore_it_all_together_when_it_runs_out()
    {
        var pool = await StartPool(shutdown: Otp.Shutdown.Timeout(TimeSpan.FromMilliseconds(300)));
        for (var i = 0; i < 3; i++)
        {
            await pool.StartChildAsync([$"c{i}", true]);
            ExpectMsg(new Lifecycle($"c{i}", "start"));
        }
        Watch(pool);
        var stopping = Supervisor.StopAsync(pool);
        var events = ReceiveN(6).Cast<Lifecycle>().ToList();
        Assert.Equal(3, events.Count(e => e.Event == "graceful"));
        Assert.Equal(3, events.Count(e => e.Event == "stop"));
        Assert.True(events.FindLastIndex(e => e.Event == "graceful") < events.FindIndex(e => e.Event == "stop"));
        ExpectTerminated(pool);
        await stopping;
    }
}

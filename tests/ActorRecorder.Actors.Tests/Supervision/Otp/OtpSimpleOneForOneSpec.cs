namespace ActorRecorder.Actors.Tests.Supervision.Otp;

using ActorRecorder.Actors.Supervision;
using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class OtpSimpleOneForOneSpec(ITestOutputHelper output) : TestKit(output)
{
    private Task<IActorRef> StartPool(Restart restart = Restart.Transient, Shutdown? shutdown = null) =>
        Supervisor.StartAsync(Sys, "pool", new SupervisorFlags(SupervisorStrategyKind.SimpleOneForOne, intensity: 5),
            [new ChildSpec("worker", args => OtpWorker.Props(TestActor, (string)args[0]!, args.Count > 1 ? (WorkerOptions)args[1]! : null), restart, shutdown)]);

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
        Assert.Equal(new ChildCounts(2, 2, 0, 2), await pool.CountChildrenAsync());
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
        var result = Assert.IsType<SupervisorResult.StartFailed>(await pool.StartChildAsync(new ChildSpec("x", Props.Create<Echo>())));
        Assert.Contains("start arguments", result.Reason.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_argument_list_is_a_start_failure()
    {
        var pool = await StartPool();
        var result = Assert.IsType<SupervisorResult.StartFailed>(await pool.StartChildAsync([42]));
        Assert.IsType<InvalidCastException>(result.Reason.Exception);
    }

    [Fact]
    public async Task Children_are_terminated_by_ref()
    {
        var pool = await StartPool();
        var started = (SupervisorResult.Started)await pool.StartChildAsync(["victim"]);
        ExpectMsg(new Lifecycle("victim", "start"));
        Assert.IsType<SupervisorResult.Ok>(await pool.TerminateChildAsync(started.Child));
        ExpectMsg(new Lifecycle("victim", "stop"));
        Assert.Empty(await pool.WhichChildrenAsync());
    }

    [Fact]
    public async Task A_transient_child_that_exits_normally_vanishes_and_a_crashed_one_is_restarted()
    {
        var pool = await StartPool(Restart.Transient);
        var done = (SupervisorResult.Started)await pool.StartChildAsync(["done"]);
        var crashy = (SupervisorResult.Started)await pool.StartChildAsync(["crashy"]);
        ExpectMsgAllOf(new Lifecycle("done", "start"), new Lifecycle("crashy", "start"));
        done.Child.Tell("normal", TestActor);
        ExpectMsg(new Lifecycle("done", "stop"));
        crashy.Child.Tell(new Crash(), TestActor);
        ExpectMsg(new Lifecycle("crashy", "stop"));
        ExpectMsg(new Lifecycle("crashy", "start"));
        var remaining = Assert.Single(await pool.WhichChildrenAsync());
        Assert.Equal(crashy.Child, remaining.Child);
    }

    [Fact]
    public async Task Children_stop_all_at_once_when_the_pool_stops()
    {
        var gate = new ManualResetEventSlim();
        try
        {
            var pool = await StartPool(shutdown: Shutdown.Timeout(TimeSpan.FromSeconds(20)));
            for (var i = 0; i < 5; i++)
            {
                // The last child (the first one a one-at-a-time shutdown would stop) hangs in PostStop.
                await pool.StartChildAsync(i == 4 ? [$"c{i}", new WorkerOptions { StopGate = gate }] : [$"c{i}"]);
                ExpectMsg(new Lifecycle($"c{i}", "start"));
            }
            Sys.Stop(pool);
            // The others stop while it hangs: the pool did not wait for one child before stopping the next.
            var stops = ReceiveN(5).Cast<Lifecycle>().Select(l => l.Id).Order(StringComparer.Ordinal);
            Assert.Equal(["c0", "c1", "c2", "c3", "c4"], stops);
        }
        finally
        {
            gate.Set();
        }
    }
}

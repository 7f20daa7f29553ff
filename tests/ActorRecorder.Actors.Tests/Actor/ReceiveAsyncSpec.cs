namespace ActorRecorder.Actors.Tests.Actor;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class ReceiveAsyncSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void The_actor_processes_nothing_else_until_the_task_completes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Waiter(gate.Task)));
        actor.Tell("slow", TestActor);
        actor.Tell("fast", TestActor);
        ExpectMsg("started slow");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        gate.SetResult();
        ExpectMsg("finished slow");
        ExpectMsg("started fast");
        ExpectMsg("finished fast");
    }

    [Fact]
    public void Continuations_run_inside_the_actor_with_the_original_sender()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ContextChecker()));
        var probe = CreateTestProbe();
        actor.Tell("check", probe.Ref);
        var report = probe.ExpectMsg<(bool SameSender, bool InsideActor)>();
        Assert.True(report.SameSender);
        Assert.True(report.InsideActor);
    }

    [Fact]
    public void A_faulted_task_is_a_failure_of_the_actor()
    {
        var parent = Sys.ActorOf(Parent.Props(new OneForOneStrategy(_ => Directive.Stop)));
        parent.Tell(Props.Create(() => new Faulty()), TestActor);
        var actor = ExpectMsg<IActorRef>();
        actor.Tell("fail", TestActor);
        var terminated = ExpectTerminated(actor);
        Assert.IsType<TestException>(terminated.Reason.Exception);
        Assert.Equal("async boom", terminated.Reason.Exception!.Message);
    }

    [Fact]
    public async Task An_actor_can_await_an_Ask_to_another_actor()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        var asker = Sys.ActorOf(Props.Create(() => new Asker(echo)));
        var reply = await asker.Ask<string>("question");
        Assert.Equal("answer to question", reply);
    }

    private sealed class Waiter : ReceiveActor
    {
        public Waiter(Task gate) => ReceiveAsync<string>(async s =>
        {
            Sender.Tell($"started {s}");
            if (s == "slow") await gate;
            else await Task.Yield();
            Sender.Tell($"finished {s}");
        });
    }

    private sealed class ContextChecker : ReceiveActor
    {
        public ContextChecker() => ReceiveAsync<string>(async _ =>
        {
            var before = Sender;
            await Task.Delay(20);
            await Task.Yield();
            Sender.Tell((before.Equals(Sender), SynchronizationContext.Current is not null));
        });
    }

    private sealed class Faulty : ReceiveActor
    {
        public Faulty() => ReceiveAsync<string>(async _ =>
        {
            await Task.Delay(10);
            throw new TestException("async boom");
        });
    }

    private sealed class Asker : ReceiveActor
    {
        public Asker(IActorRef echo) => ReceiveAsync<string>(async q =>
        {
            var echoed = await echo.Ask<string>(q);
            Sender.Tell($"answer to {echoed}");
        });
    }
}

namespace ActorRecorder.Actors.Tests.Ask;

using System.Diagnostics;
using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class AskSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public async Task Ask_returns_the_reply()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        Assert.Equal("hello", await echo.Ask<string>("hello"));
        Assert.Equal(42, await echo.Ask<int>(42));
        Assert.Equal("untyped", await echo.Ask("untyped"));
    }

    [Fact]
    public async Task Ask_times_out_with_AskTimeoutException_naming_the_target()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()), "silent");
        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>("anyone?", TimeSpan.FromMilliseconds(100)));
        Assert.Equal(silent, error.Target);
        Assert.Contains("/user/silent", error.Message, StringComparison.Ordinal);
        Assert.Contains("String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_Ask_timeout_is_five_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), Sys.Settings.AskTimeout);
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));
        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>("x"));
        Assert.Equal(TimeSpan.FromSeconds(5), error.Timeout);
    }

    [Fact]
    public async Task Ask_to_a_dead_actor_fails_at_once_with_noproc()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<AskTargetTerminatedException>(() => echo.Ask<string>("hello", TimeSpan.FromSeconds(30)));
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "an Ask to a dead actor must not wait for its timeout");
        Assert.Equal(ExitReason.NoProc, error.Reason);
        Assert.Contains("not alive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_fails_at_once_when_the_target_dies_before_replying()
    {
        var dying = Sys.ActorOf(Props.Create(() => new DiesOnAsk()));
        var error = await Assert.ThrowsAsync<AskTargetTerminatedException>(() => dying.Ask<string>("question", TimeSpan.FromSeconds(30)));
        Assert.Equal(dying, error.Target);
        Assert.Equal(ExitReason.Normal, error.Reason);
        Assert.Contains("before replying", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Status_Failure_reply_faults_the_task_with_its_cause()
    {
        var failing = Sys.ActorOf(Props.Create(() => new RepliesFailure()));
        var error = await Assert.ThrowsAsync<TestException>(() => failing.Ask<string>("x"));
        Assert.Equal("refused", error.Message);
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_names_both_types()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        var error = await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<int>("not a number"));
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.Int32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_reply_goes_to_dead_letters()
    {
        var slow = Sys.ActorOf(Props.Create(() => new ReplyLater()));
        await Assert.ThrowsAsync<AskTimeoutException>(() => slow.Ask<string>("x", TimeSpan.FromMilliseconds(50)));
        await EventFilter.DeadLetter<string>(s => s == "late").ExpectOneAsync(() =>
        {
            slow.Tell("release", TestActor);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Ask_honours_cancellation()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));
        using var cancellation = new CancellationTokenSource();
        var pending = silent.Ask<string>("x", TimeSpan.FromSeconds(30), cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task Ask_with_a_message_factory_passes_the_reply_to_ref()
    {
        var replier = Sys.ActorOf(Props.Create(() => new ReplyTo()));
        var reply = await replier.Ask<string>(replyTo => new Request("ping", replyTo));
        Assert.Equal("pong to ping", reply);
    }

    [Fact]
    public void Bad_Ask_arguments_are_refused()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        Assert.Throws<ArgumentNullException>(() => { _ = echo.Ask<string>(null!); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = echo.Ask<string>("x", TimeSpan.Zero); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = echo.Ask<string>("x", TimeSpan.FromSeconds(-1)); });
    }

    [Fact]
    public async Task Ask_to_Nobody_fails_at_once()
    {
        var error = await Assert.ThrowsAsync<AskTargetTerminatedException>(() => ActorRefs.Nobody.Ask<string>("x"));
        Assert.Equal(ExitReason.NoProc, error.Reason);
    }

    [Fact]
    public async Task GracefulStop_completes_true_once_the_actor_has_terminated()
    {
        var actor = Sys.ActorOf(Reporter.Props(TestActor, "graceful"));
        ExpectMsg(new Lifecycle("graceful", "prestart"));
        Assert.True(await actor.GracefulStop(TimeSpan.FromSeconds(5)));
        Assert.True(((InternalActorRef)actor).IsTerminated);
        ExpectMsg(new Lifecycle("graceful", "poststop"));
        Assert.True(await actor.GracefulStop(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task GracefulStop_completes_false_when_the_actor_does_not_stop_in_time()
    {
        var gate = new ManualResetEventSlim();
        var stuck = Sys.ActorOf(Props.Create(() => new Blocking(gate)));
        stuck.Tell("block", TestActor);
        ExpectMsg("blocking");
        try
        {
            Assert.False(await stuck.GracefulStop(TimeSpan.FromMilliseconds(100)));
        }
        finally
        {
            gate.Set();
        }
    }

    [Fact]
    public async Task Asks_from_many_callers_each_get_their_own_reply()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        var replies = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => echo.Ask<int>(i)));
        Assert.Equal(Enumerable.Range(0, 1000), replies);
    }

    private sealed record Request(string Text, IActorRef ReplyTo);

    private sealed class Silent : ActorBase
    {
        protected override bool Receive(object message) => true;
    }

    private sealed class DiesOnAsk : UntypedActor
    {
        protected override void OnReceive(object message) => Context.Stop(Self);
    }

    private sealed class RepliesFailure : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(new Status.Failure(new TestException("refused")));
    }

    private sealed class ReplyLater : ReceiveActor
    {
        private IActorRef? _asker;

        public ReplyLater()
        {
            Receive<string>(s => s == "release", _ => _asker?.Tell("late"));
            Receive<string>(_ => _asker = Sender);
        }
    }

    private sealed class ReplyTo : ReceiveActor
    {
        public ReplyTo() => Receive<Request>(r => r.ReplyTo.Tell($"pong to {r.Text}"));
    }

    private sealed class Blocking(ManualResetEventSlim gate) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            Sender.Tell("blocking");
            gate.Wait(TimeSpan.FromSeconds(30));
        }
    }
}

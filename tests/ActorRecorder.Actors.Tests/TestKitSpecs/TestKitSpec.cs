namespace ActorRecorder.Actors.Tests.TestKitSpecs;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

public sealed class TestKitSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void ExpectMsg_says_that_nothing_arrived()
    {
        var error = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(50)));
        Assert.Contains("String", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing arrived", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_says_what_arrived_instead()
    {
        TestActor.Tell(42, ActorRefs.NoSender);
        var error = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>());
        Assert.Contains("Int32 42", error.Message, StringComparison.Ordinal);
        TestActor.Tell("other", ActorRefs.NoSender);
        error = Assert.Throws<TestKitAssertionException>(() => ExpectMsg("expected"));
        Assert.Contains("expected", error.Message, StringComparison.Ordinal);
        Assert.Contains("other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_with_a_predicate_checks_it()
    {
        TestActor.Tell(5, ActorRefs.NoSender);
        Assert.Equal(5, ExpectMsg<int>(i => i > 3));
        TestActor.Tell(1, ActorRefs.NoSender);
        Assert.Throws<TestKitAssertionException>(() => ExpectMsg<int>(i => i > 3));
    }

    [Fact]
    public void ExpectNoMsg_fails_when_something_arrives()
    {
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        TestActor.Tell("surprise", ActorRefs.NoSender);
        var error = Assert.Throws<TestKitAssertionException>(() => ExpectNoMsg(TimeSpan.FromMilliseconds(200)));
        Assert.Contains("surprise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsgAnyOf_and_ExpectMsgAllOf()
    {
        TestActor.Tell("b", ActorRefs.NoSender);
        Assert.Equal("b", ExpectMsgAnyOf("a", "b"));
        TestActor.Tell(3, ActorRefs.NoSender);
        TestActor.Tell(1, ActorRefs.NoSender);
        TestActor.Tell(2, ActorRefs.NoSender);
        Assert.Equal([3, 1, 2], ExpectMsgAllOf(1, 2, 3));
        TestActor.Tell(9, ActorRefs.NoSender);
        Assert.Throws<TestKitAssertionException>(() => ExpectMsgAllOf(1, 2));
    }

    [Fact]
    public void FishForMessage_skips_until_a_match_and_ReceiveN_collects()
    {
        foreach (var i in Enumerable.Range(0, 5)) TestActor.Tell(i, ActorRefs.NoSender);
        Assert.Equal(3, FishForMessage<int>(i => i == 3));
        Assert.Equal([4], ReceiveN(1));
        var error = Assert.Throws<TestKitAssertionException>(() => ReceiveN(2, TimeSpan.FromMilliseconds(50)));
        Assert.Contains("only 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_bounds_the_expectations_inside_it()
    {
        Within(TimeSpan.FromSeconds(2), () =>
        {
            TestActor.Tell("quick", ActorRefs.NoSender);
            ExpectMsg("quick");
            Assert.True(Remaining <= Dilated(TimeSpan.FromSeconds(2)));
        });
        Assert.Throws<InvalidOperationException>(() => Remaining);
    }

    [Fact]
    public void AwaitAssert_and_AwaitCondition_retry_until_true()
    {
        var counter = 0;
        AwaitAssert(() => Assert.True(Interlocked.Increment(ref counter) >= 3));
        AwaitCondition(() => Interlocked.Increment(ref counter) >= 6);
        var error = Assert.Throws<TestKitAssertionException>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(50), message: "never"));
        Assert.Contains("never", error.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => AwaitAssert(() => Assert.Fail("still false"), TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void A_probe_replies_sends_and_forwards()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create<Echo>());
        probe.Send(echo, "via probe");
        probe.ExpectMsg("via probe");
        Assert.Equal(echo, probe.LastSender);

        TestActor.Tell("unused", ActorRefs.NoSender);
        ExpectMsg("unused");
        probe.Ref.Tell("question", TestActor);
        probe.ExpectMsg("question");
        probe.Reply("answer");
        ExpectMsg("answer");
        Assert.Equal(probe.Ref, LastSender);

        probe.Ref.Tell("to forward", TestActor);
        probe.ExpectMsg("to forward");
        probe.Forward(echo);
        ExpectMsg("to forward");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public async Task Async_twins_behave_like_the_sync_expectations()
    {
        TestActor.Tell("async", ActorRefs.NoSender);
        Assert.Equal("async", await ExpectMsgAsync<string>());
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<string>(TimeSpan.FromMilliseconds(50)));
        TestActor.Tell(1, ActorRefs.NoSender);
        TestActor.Tell(2, ActorRefs.NoSender);
        Assert.Equal(2, (await ReceiveNAsync(2)).Count);
        var echo = Sys.ActorOf(Props.Create<Echo>());
        Watch(echo);
        echo.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(echo);
    }

    [Fact]
    public void EventFilter_counts_matching_log_entries()
    {
        var logger = Sys.ActorOf(Props.Create(() => new LogWriter()));
        EventFilter.Warning(contains: "careful").Expect(2, () =>
        {
            logger.Tell("careful 1", ActorRefs.NoSender);
            logger.Tell("careful 2", ActorRefs.NoSender);
        });
        var error = Assert.Throws<TestKitAssertionException>(() =>
            EventFilter.Warning(contains: "careful").Expect(1, TimeSpan.FromMilliseconds(300), () =>
            {
                logger.Tell("careful 3", ActorRefs.NoSender);
                logger.Tell("careful 4", ActorRefs.NoSender);
                logger.Tell("sync", TestActor);
                ExpectMsg("sync");
            }));
        Assert.Contains("Expected 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<TestKitAssertionException>(() =>
            EventFilter.Error().Expect(1, TimeSpan.FromMilliseconds(100), () => { }));
    }

    [Fact]
    public void The_time_factor_scales_timeouts_and_rejects_bad_values()
    {
        var settings = new TestKitSettings { TimeFactor = 2.5 };
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Dilated(TimeSpan.FromSeconds(2)));
        Assert.Equal(TestKitSettings.TimeFactorVariable, "ACTORRECORDER_TEST_TIMEFACTOR");
        Assert.True(Settings.TimeFactor > 0);
    }

    private sealed class LogWriter : ReceiveActor
    {
        public LogWriter()
        {
            Receive<string>(s => s == "sync", s => Sender.Tell(s));
            Receive<string>(s => Context.Log.LogWarning("{Text}", s));
        }
    }
}

namespace ActorRecorder.Actors.Tests.Scheduling;

using System.Diagnostics;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class SchedulerSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void ScheduleTellOnce_delivers_once_and_never_early()
    {
        var started = Stopwatch.GetTimestamp();
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(100), TestActor, "later", TestActor);
        ExpectMsg("later");
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(100), "a timer must not fire before its delay");
        Assert.Equal(TestActor, LastSender);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void ScheduleTellRepeatedly_delivers_until_cancelled()
    {
        var cancelable = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(20), TestActor, "tick", ActorRefs.NoSender);
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("tick");
        cancelable.Cancel();
        Assert.True(cancelable.IsCancellationRequested);
        // A tick that fired just before Cancel may still be on its way; nothing comes after it.
        var late = 0;
        while (true)
        {
            try
            {
                ExpectMsg("tick", TimeSpan.FromMilliseconds(200));
                late++;
            }
            catch (TestKitAssertionException)
            {
                break;
            }
        }
        Assert.True(late <= 1, $"{late} ticks arrived after Cancel");
    }

    [Fact]
    public void A_timer_cancelled_before_it_is_due_never_fires()
    {
        var cancelable = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(100), TestActor, "never", ActorRefs.NoSender);
        cancelable.Cancel();
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void ScheduleOnce_runs_an_action()
    {
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(10), () => TestActor.Tell("ran", ActorRefs.NoSender));
        ExpectMsg("ran");
    }

    [Fact]
    public void One_hundred_thousand_timers_all_fire()
    {
        var counter = Sys.ActorOf(Props.Create(() => new Counter(100_000, TestActor)));
        for (var i = 0; i < 100_000; i++) Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(50 + (i % 100)), counter, i, ActorRefs.NoSender);
        ExpectMsg("all fired", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void One_hundred_thousand_pending_timers_cost_little_memory()
    {
        var scheduler = (HashedWheelScheduler)Sys.Scheduler;
        var timers = new List<ICancelable>(100_000);
        var before = GC.GetTotalMemory(true);
        for (var i = 0; i < 100_000; i++) timers.Add(scheduler.ScheduleTellOnce(TimeSpan.FromHours(1), TestActor, "x", ActorRefs.NoSender));
        var perTimer = (GC.GetTotalMemory(true) - before) / 100_000.0;
        Assert.True(scheduler.PendingCount >= 100_000, $"expected 100000 pending timers, found {scheduler.PendingCount}");
        Assert.True(perTimer < 200, $"a pending timer should cost a small object, measured {perTimer:0} bytes");
        timers.ForEach(t => t.Cancel());
    }

    [Fact]
    public void A_delay_of_centuries_never_fires_instead_of_overflowing()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromDays(365 * 300), TestActor, "much later", ActorRefs.NoSender);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.MaxValue, TestActor, "never", ActorRefs.NoSender);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task An_Ask_with_the_largest_timeout_waits_for_the_reply()
    {
        var slow = Sys.ActorOf(Props.Create(() => new Deferred()));
        var pending = slow.Ask<string>("question", TimeSpan.MaxValue);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.False(pending.IsCompleted);
        slow.Tell("answer now", TestActor);
        Assert.Equal("answer", await pending.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Bad_delays_and_intervals_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(-1), TestActor, "x", null));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.Zero, TestActor, "x", null));
        Assert.Throws<ArgumentNullException>(() => Sys.Scheduler.ScheduleTellOnce(TimeSpan.Zero, TestActor, null!, null));
        Assert.Throws<ArgumentNullException>(() => Sys.Scheduler.ScheduleOnce(TimeSpan.Zero, null!));
    }

    private sealed class Deferred : ReceiveActor
    {
        private IActorRef? _asker;

        public Deferred()
        {
            Receive<string>(s => s == "answer now", _ => _asker?.Tell("answer"));
            Receive<string>(_ => _asker = Sender);
        }
    }

    private sealed class Counter(int expected, IActorRef probe) : UntypedActor
    {
        private int _count;

        protected override void OnReceive(object message)
        {
            if (++_count == expected) probe.Tell("all fired");
        }
    }
}

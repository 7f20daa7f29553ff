namespace ActorRecorder.Actors.Tests.Actor;

using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

/// <summary>Messages the kernel delivers on an actor's behalf (timers, Terminated, ReceiveTimeout) survive a stash.</summary>
public sealed class StashKernelMessagesSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public async Task A_stashed_single_timer_message_is_delivered_after_unstash()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StashUntilGo(TestActor, null, true)));
        ExpectMsg("started");
        await AwaitAssertAsync(async () => Assert.Equal(1, await actor.Ask<int>("stashed?")));
        actor.Tell("go", TestActor);
        ExpectMsg("went");
        ExpectMsg("timer-fired");
    }

    [Fact]
    public async Task A_stashed_Terminated_is_delivered_after_unstash()
    {
        var victim = Sys.ActorOf(Props.Create(() => new Nop()));
        var actor = Sys.ActorOf(Props.Create(() => new StashUntilGo(TestActor, victim, false)));
        ExpectMsg("started");
        victim.Tell(PoisonPill.Instance);
        await AwaitAssertAsync(async () => Assert.Equal(1, await actor.Ask<int>("stashed?")));
        actor.Tell("go", TestActor);
        ExpectMsg("went");
        Assert.Equal(victim, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void An_unstashed_ReceiveTimeout_is_delivered_and_starts_no_extra_timer()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimeoutStasher(TestActor)));
        for (var i = 0; i < 20; i++)
        {
            ExpectMsg("stashed-timeout");
            actor.Tell("unstash", TestActor);
        }
        AwaitAssert(() => Assert.True(((HashedWheelScheduler)Sys.Scheduler).PendingCount <= 3,
            $"{((HashedWheelScheduler)Sys.Scheduler).PendingCount} timers pending for one actor with one receive timeout"));
    }

    private sealed class StashUntilGo : ReceiveActor, IWithStash, IWithTimers
    {
        private readonly IActorRef _probe;
        private readonly IActorRef? _watch;
        private readonly bool _timer;

        public StashUntilGo(IActorRef probe, IActorRef? watch, bool timer)
        {
            _probe = probe;
            _watch = watch;
            _timer = timer;
            Receive<string>(s => s == "go", _ =>
            {
                Become(() => ReceiveAny(m => _probe.Tell(m, Self)));
                Stash.UnstashAll();
                _probe.Tell("went", Self);
            });
            Receive<string>(s => s == "stashed?", _ => Sender.Tell(Stash.Count, Self));
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart()
        {
            if (_timer) Timers.StartSingleTimer("t", "timer-fired", TimeSpan.FromMilliseconds(30));
            if (_watch is not null) Context.Watch(_watch);
            _probe.Tell("started", Self);
        }
    }

    private sealed class TimeoutStasher : ReceiveActor, IWithStash
    {
        public TimeoutStasher(IActorRef probe)
        {
            Receive<ReceiveTimeout>(_ =>
            {
                Stash.Stash();
                probe.Tell("stashed-timeout", Self);
            });
            // The unstashed timeouts come back as plain ReceiveTimeout messages (and are stashed again).
            Receive<string>(s => s == "unstash", _ => Stash.UnstashAll());
        }

        public IStash Stash { get; set; } = null!;

        protected override void PreStart() => SetReceiveTimeout(TimeSpan.FromMilliseconds(30));
    }

    private sealed class Nop : ReceiveActor
    {
        public Nop() => ReceiveAny(_ => { });
    }
}

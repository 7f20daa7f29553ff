namespace ActorRecorder.Actors.Tests.Dispatch;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class MailboxSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void System_messages_are_processed_before_queued_user_messages()
    {
        var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new Gated(gate, TestActor)));
        Watch(actor);
        actor.Tell("block", TestActor);
        ExpectMsg("blocked");
        for (var i = 0; i < 10; i++) actor.Tell(i, TestActor);
        Sys.Stop(actor);
        EventFilter.DeadLetter<int>().Expect(10, () => gate.Set());
        ExpectTerminated(actor);
    }

    [Fact]
    public void An_actor_never_runs_two_messages_at_once_under_load()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ConcurrencyDetector()));
        const int senders = 8;
        const int perSender = 20_000;
        var threads = Enumerable.Range(0, senders).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < perSender; i++) actor.Tell(i, ActorRefs.NoSender);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        actor.Tell("report", TestActor);
        var (processed, maxConcurrent) = ExpectMsg<(int Processed, int MaxConcurrent)>(TimeSpan.FromSeconds(30));
        Assert.Equal(senders * perSender, processed);
        Assert.Equal(1, maxConcurrent);
    }

    [Fact]
    public void Ten_thousand_actors_keep_the_order_of_each_of_eight_senders()
    {
        const int actors = 10_000;
        const int senders = 8;
        const int perSender = 10;
        var collector = Sys.ActorOf(Props.Create(() => new Collector(actors, TestActor)));
        var targets = Enumerable.Range(0, actors)
            .Select(_ => Sys.ActorOf(Props.Create(() => new OrderChecker(senders, perSender, collector))))
            .ToArray();
        var threads = Enumerable.Range(0, senders).Select(s => new Thread(() =>
        {
            for (var i = 0; i < perSender; i++)
            {
                foreach (var target in targets) target.Tell(new Sequenced(s, i), ActorRefs.NoSender);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var (done, outOfOrder) = ExpectMsg<(int Done, int OutOfOrder)>(TimeSpan.FromSeconds(60));
        Assert.Equal(actors, done);
        Assert.Equal(0, outOfOrder);
    }

    [Fact]
    public async Task Throughput_bounds_the_messages_of_one_turn()
    {
        var small = await Turns(ActorSystemSettings.Default with { Throughput = 10 }, 100);
        var large = await Turns(ActorSystemSettings.Default with { Throughput = 1000 }, 100);
        Assert.True(small >= 9, $"with throughput 10, 100 queued messages need about 10 turns, took {small}");
        Assert.True(large <= 3, $"with throughput 1000, 100 queued messages fit in one turn (plus the blocked one), took {large}");
    }

    private async Task<int> Turns(ActorSystemSettings settings, int messages)
    {
        var system = ActorSystem.Create("throughput", settings with { LoggerFactory = Sys.LoggerFactory });
        try
        {
            var gate = new ManualResetEventSlim();
            var probe = CreateTestProbe();
            var actor = (LocalActorRef)system.ActorOf(Props.Create(() => new Quiet(gate)));
            actor.Tell("block", probe.Ref);
            probe.ExpectMsg("blocked");
            var before = Volatile.Read(ref actor.Cell.Turns);
            for (var i = 0; i < messages; i++) actor.Tell(i, probe.Ref);
            actor.Tell("done", probe.Ref);
            gate.Set();
            probe.ExpectMsg("done");
            return Volatile.Read(ref actor.Cell.Turns) - before;
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void A_bounded_mailbox_that_drops_the_newest_publishes_what_it_dropped()
    {
        var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new Gated(gate, TestActor)).WithMailbox(MailboxType.Bounded(3)));
        actor.Tell("block", TestActor);
        ExpectMsg("blocked");
        Sys.EventStream.Subscribe(TestActor, typeof(Dropped));
        for (var i = 0; i < 5; i++) actor.Tell(i, TestActor);
        var dropped = ExpectMsg<Dropped>();
        Assert.Equal(3, dropped.Message);
        Assert.Equal(actor, dropped.Recipient);
        Assert.Contains("newest", dropped.Reason, StringComparison.Ordinal);
        Assert.Equal(4, ExpectMsg<Dropped>().Message);
        gate.Set();
        ExpectMsg(0);
        ExpectMsg(1);
        ExpectMsg(2);
    }

    [Fact]
    public void A_bounded_mailbox_that_drops_the_oldest_keeps_the_newest()
    {
        var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new Gated(gate, TestActor)).WithMailbox(MailboxType.Bounded(2, MailboxOverflow.DropOldest)));
        actor.Tell("block", TestActor);
        ExpectMsg("blocked");
        Sys.EventStream.Subscribe(TestActor, typeof(Dropped));
        for (var i = 0; i < 4; i++) actor.Tell(i, TestActor);
        Assert.Equal(0, ExpectMsg<Dropped>().Message);
        Assert.Equal(1, ExpectMsg<Dropped>().Message);
        gate.Set();
        ExpectMsg(2);
        ExpectMsg(3);
    }

    [Fact]
    public void A_bounded_mailbox_that_fails_the_sender_throws_to_it()
    {
        var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new Gated(gate, TestActor)).WithMailbox(new BoundedMailbox(1, MailboxOverflow.FailSender)));
        actor.Tell("block", TestActor);
        ExpectMsg("blocked");
        actor.Tell(1, TestActor);
        var error = Assert.Throws<MailboxOverflowException>(() => actor.Tell(2, TestActor));
        Assert.Equal(1, error.Capacity);
        Assert.Equal(actor, error.Recipient);
        gate.Set();
        ExpectMsg(1);
    }

    [Fact]
    public void A_bounded_mailbox_needs_a_positive_capacity()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MailboxType.Bounded(0));
        Assert.Equal("capacity", error.ParamName);
    }

    [Fact]
    public async Task Dead_letters_are_logged_with_a_rate_limit()
    {
        var system = ActorSystem.Create("dead-letter-log", ActorSystemSettings.Default with
        {
            LoggerFactory = Sys.LoggerFactory,
            LogDeadLetters = 3,
            LogDeadLettersPeriod = TimeSpan.FromMinutes(5),
        });
        try
        {
            var logged = 0;
            var published = 0;
            using var logs = system.EventStream.Subscribe(typeof(LogEvent), e =>
            {
                if (((LogEvent)e).Message.Contains("dead letter", StringComparison.Ordinal)) Interlocked.Increment(ref logged);
            });
            using var letters = system.EventStream.Subscribe(typeof(DeadLetter), _ => Interlocked.Increment(ref published));
            for (var i = 0; i < 20; i++) system.DeadLetters.Tell(i, ActorRefs.NoSender);
            await AwaitConditionAsync(() => Volatile.Read(ref published) == 20);
            Assert.Equal(3, Volatile.Read(ref logged));
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private sealed record Sequenced(int Sender, int Number);

    private sealed class Gated(ManualResetEventSlim gate, IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "block")
            {
                Sender.Tell("blocked");
                gate.Wait(TimeSpan.FromSeconds(30));
                return;
            }
            probe.Tell(message);
        }
    }

    private sealed class Quiet(ManualResetEventSlim gate) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "block")
            {
                Sender.Tell("blocked");
                gate.Wait(TimeSpan.FromSeconds(30));
            }
            else if (message is "done")
            {
                Sender.Tell("done");
            }
        }
    }

    private sealed class ConcurrencyDetector : UntypedActor
    {
        private int _inside;
        private int _maxConcurrent;
        private int _processed;

        protected override void OnReceive(object message)
        {
            if (message is "report")
            {
                Sender.Tell((_processed, _maxConcurrent));
                return;
            }
            var now = Interlocked.Increment(ref _inside);
            if (now > _maxConcurrent) _maxConcurrent = now;
            _processed++;
            Thread.SpinWait(20);
            Interlocked.Decrement(ref _inside);
        }
    }

    private sealed class OrderChecker(int senders, int perSender, IActorRef collector) : UntypedActor
    {
        private readonly int[] _next = new int[senders];
        private int _received;
        private bool _outOfOrder;

        protected override void OnReceive(object message)
        {
            var sequenced = (Sequenced)message;
            if (_next[sequenced.Sender] != sequenced.Number) _outOfOrder = true;
            _next[sequenced.Sender] = sequenced.Number + 1;
            if (++_received == senders * perSender) collector.Tell(_outOfOrder);
        }
    }

    private sealed class Collector(int expected, IActorRef probe) : UntypedActor
    {
        private int _done;
        private int _outOfOrder;

        protected override void OnReceive(object message)
        {
            if ((bool)message) _outOfOrder++;
            if (++_done == expected) probe.Tell((_done, _outOfOrder));
        }
    }
}

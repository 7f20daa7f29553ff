namespace ActorRecorder.Actors.Tests.Dispatch;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

/// <summary>A full bounded mailbox drops user messages, never the kernel's Terminated or Exit.</summary>
public sealed class BoundedKernelMessagesSpec(ITestOutputHelper output) : TestKit(output)
{
    [Theory]
    [InlineData(MailboxOverflow.DropNewest)]
    [InlineData(MailboxOverflow.DropOldest)]
    [InlineData(MailboxOverflow.FailSender)]
    public void A_watcher_with_a_full_mailbox_still_gets_Terminated(MailboxOverflow overflow)
    {
        var gate = new ManualResetEventSlim();
        var target = Sys.ActorOf(Props.Create(() => new Nop()));
        var watcher = Sys.ActorOf(Props.Create(() => new Sleeper(TestActor, gate, context => context.Watch(target))).WithMailbox(MailboxType.Bounded(1, overflow)));
        watcher.Tell("sleep", TestActor);
        ExpectMsg("sleeping");
        watcher.Tell("queued", TestActor); // the mailbox is now full
        Watch(target);
        target.Tell(PoisonPill.Instance);
        ExpectTerminated(target);          // dead while the watcher still sleeps
        gate.Set();
        ExpectMsg("queued");
        Assert.Equal(target, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void A_trapping_actor_with_a_full_mailbox_still_gets_Exit()
    {
        var gate = new ManualResetEventSlim();
        var other = Sys.ActorOf(Props.Create(() => new Nop()));
        var trapper = Sys.ActorOf(Props.Create(() => new Sleeper(TestActor, gate, context =>
        {
            context.TrapExit = true;
            context.Link(other);
        })).WithMailbox(MailboxType.Bounded(1)));
        trapper.Tell("sleep", TestActor);
        ExpectMsg("sleeping");
        trapper.Tell("queued", TestActor);
        Sys.Stop(other);
        gate.Set();
        ExpectMsg("queued");
        Assert.Equal(ExitReason.Shutdown, ExpectMsg<Exit>().Reason);
    }

    /// <summary>Sleeps on "sleep" until the gate opens (its bounded mailbox fills meanwhile) and passes everything else to the probe.</summary>
    private sealed class Sleeper : ReceiveActor
    {
        private readonly Action<IActorContext> _onStart;

        public Sleeper(IActorRef probe, ManualResetEventSlim gate, Action<IActorContext> onStart)
        {
            _onStart = onStart;
            Receive<string>(s => s == "sleep", _ =>
            {
                probe.Tell("sleeping", Self);
                gate.Wait(TimeSpan.FromSeconds(30));
            });
            ReceiveAny(m => probe.Tell(m, Self));
        }

        protected override void PreStart() => _onStart(Context);
    }

    private sealed class Nop : ReceiveActor
    {
        public Nop() => ReceiveAny(_ => { });
    }
}

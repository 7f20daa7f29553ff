namespace ActorRecorder.Actors.Tests.Actor;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class BehaviorSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void Become_replaces_the_behaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switch()));
        actor.Tell("state", TestActor);
        ExpectMsg("off");
        actor.Tell("toggle", TestActor);
        actor.Tell("state", TestActor);
        ExpectMsg("on");
        actor.Tell("toggle", TestActor);
        actor.Tell("state", TestActor);
        ExpectMsg("off");
    }

    [Fact]
    public void BecomeStacked_and_UnbecomeStacked_nest()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Nesting()));
        actor.Tell("push", TestActor);
        actor.Tell("push", TestActor);
        actor.Tell("depth", TestActor);
        ExpectMsg(2);
        actor.Tell("pop", TestActor);
        actor.Tell("depth", TestActor);
        ExpectMsg(1);
        actor.Tell("pop", TestActor);
        actor.Tell("depth", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void Context_Become_works_for_any_actor_base()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ContextSwitch()));
        actor.Tell("a", TestActor);
        ExpectMsg("initial a");
        actor.Tell("b", TestActor);
        ExpectMsg("switched b");
    }

    [Fact]
    public void A_restart_returns_to_the_initial_behaviour()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        parent.Tell(Props.Create(() => new Switch()), TestActor);
        var actor = ExpectMsg<IActorRef>();
        actor.Tell("toggle", TestActor);
        actor.Tell("state", TestActor);
        ExpectMsg("on");
        actor.Tell(new Crash(), TestActor);
        actor.Tell("state", TestActor);
        ExpectMsg("off");
    }

    [Fact]
    public void Stash_and_UnstashAll_replay_messages_in_order()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()));
        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(3, TestActor);
        actor.Tell("open", TestActor);
        ExpectMsg(1);
        ExpectMsg(2);
        ExpectMsg(3);
        actor.Tell(4, TestActor);
        ExpectMsg(4);
    }

    [Fact]
    public void Unstash_puts_back_only_the_oldest()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()));
        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell("one", TestActor);
        ExpectMsg(1);
        actor.Tell("count", TestActor);
        ExpectMsg("stashed 1");
    }

    [Fact]
    public void Stashing_the_same_message_twice_is_refused()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()));
        actor.Tell("double", TestActor);
        Assert.Contains("already stashed", ExpectMsg<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Stashed_messages_survive_a_restart()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        parent.Tell(Props.Create(() => new Gate()), TestActor);
        var actor = ExpectMsg<IActorRef>();
        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(new Crash(), TestActor);
        actor.Tell("open", TestActor);
        ExpectMsg(1);
        ExpectMsg(2);
    }

    [Fact]
    public void Stashed_messages_become_dead_letters_when_the_actor_stops()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()));
        actor.Tell(7, TestActor);
        EventFilter.DeadLetter<int>(i => i == 7).ExpectOne(() => actor.Tell(PoisonPill.Instance, TestActor));
    }

    private sealed class Switch : ReceiveActor
    {
        public Switch() => Off();

        private void Off()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("off"));
            Receive<string>(s => s == "toggle", _ => Become(On));
            Receive<Crash>(c => throw new TestException(c.Reason));
        }

        private void On()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("on"));
            Receive<string>(s => s == "toggle", _ => Become(Off));
            Receive<Crash>(c => throw new TestException(c.Reason));
        }
    }

    private sealed class Nesting : ReceiveActor
    {
        private int _depth;

        public Nesting() => Handlers();

        private void Handlers()
        {
            Receive<string>(s => s == "push", _ =>
            {
                _depth++;
                BecomeStacked(Handlers);
            });
            Receive<string>(s => s == "pop", _ =>
            {
                _depth--;
                UnbecomeStacked();
            });
            Receive<string>(s => s == "depth", _ => Sender.Tell(_depth));
        }
    }

    private sealed class ContextSwitch : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            Sender.Tell($"initial {message}");
            Context.Become(m =>
            {
                Sender.Tell($"switched {m}");
                return true;
            });
        }
    }

    private sealed class Gate : ReceiveActor, IWithStash
    {
        public Gate()
        {
            Receive<int>(_ => Stash.Stash());
            Receive<string>(s => s == "open", _ =>
            {
                Stash.UnstashAll();
                Become(() => Receive<int>(i => Sender.Tell(i)));
            });
            Receive<string>(s => s == "one", _ =>
            {
                Stash.Unstash();
                BecomeStacked(() =>
                {
                    Receive<int>(i =>
                    {
                        Sender.Tell(i);
                        UnbecomeStacked();
                    });
                });
            });
            Receive<string>(s => s == "count", _ => Sender.Tell($"stashed {Stash.Count}"));
            Receive<string>(s => s == "double", _ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                    Sender.Tell("no error");
                }
                catch (InvalidOperationException e)
                {
                    Sender.Tell(e.Message);
                }
            });
            Receive<Crash>(c => throw new TestException(c.Reason));
        }

        public IStash Stash { get; set; } = null!;
    }
}

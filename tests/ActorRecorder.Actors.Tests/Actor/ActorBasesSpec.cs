namespace ActorRecorder.Actors.Tests.Actor;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class ActorBasesSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void ReceiveActor_picks_the_first_matching_handler_by_type_and_predicate()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Classifier()));
        actor.Tell(5, TestActor);
        actor.Tell(-3, TestActor);
        actor.Tell("text", TestActor);
        actor.Tell(2.5, TestActor);
        ExpectMsg("positive 5");
        ExpectMsg("int -3");
        ExpectMsg("string text");
        ExpectMsg("any 2.5");
    }

    [Fact]
    public void A_Func_handler_returning_false_passes_the_message_on()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Classifier()));
        actor.Tell("pass", TestActor);
        ExpectMsg("any pass");
    }

    [Fact]
    public void Unhandled_messages_are_published()
    {
        var actor = Sys.ActorOf(Props.Create(() => new OnlyStrings()));
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        actor.Tell(42, TestActor);
        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
    }

    [Fact]
    public void Receive_registration_outside_the_constructor_is_refused()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LateRegistration()));
        actor.Tell("register", TestActor);
        var error = ExpectMsg<string>();
        Assert.Contains("constructor", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UntypedActor_receives_everything_in_OnReceive()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Reporter(TestActor, "u")));
        ExpectMsg(new Lifecycle("u", "prestart"));
        actor.Tell(123, TestActor);
        ExpectMsg(123);
    }

    [Fact]
    public void An_ActorBase_returns_false_for_unhandled()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Plain()));
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        actor.Tell("yes", TestActor);
        ExpectMsg("handled yes");
        actor.Tell(1, TestActor);
        Assert.Equal(1, ExpectMsg<UnhandledMessage>().Message);
    }

    [Fact]
    public void Props_Create_with_type_and_arguments_builds_the_actor()
    {
        var actor = Sys.ActorOf(Props.Create(typeof(Reporter), TestActor, "by-type"));
        ExpectMsg(new Lifecycle("by-type", "prestart"));
        actor.Tell("x", TestActor);
        ExpectMsg("x");
    }

    [Fact]
    public void Props_Create_with_a_non_actor_type_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Props.Create(typeof(string)));
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_an_actor_with_new_is_refused()
    {
        var error = Assert.Throws<ActorInitializationException>(() => new Echo());
        Assert.Contains("ActorOf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_props_factory_that_returns_a_shared_instance_is_a_start_failure()
    {
        IActorRef firstRef;
        Echo? shared = null;
        var props = Props.Create(() => shared ??= new Echo());
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.StoppingStrategy));
        parent.Tell(props, TestActor);
        firstRef = ExpectMsg<IActorRef>();
        firstRef.Tell("hello", TestActor);
        ExpectMsg("hello");
        parent.Tell(props, TestActor);
        var second = ExpectMsg<IActorRef>();
        var error = Assert.IsType<ActorInitializationException>(ExpectTerminated(second).Reason.Exception);
        Assert.Contains("new instance", error.Message, StringComparison.Ordinal);
    }

    private sealed class Classifier : ReceiveActor
    {
        public Classifier()
        {
            Receive<int>(i => Sender.Tell($"positive {i}"), i => i > 0);
            Receive<int>(i => Sender.Tell($"int {i}"));
            Receive<string>(s =>
            {
                if (s == "pass") return false;
                Sender.Tell($"string {s}");
                return true;
            });
            ReceiveAny(o => Sender.Tell($"any {o}"));
        }
    }

    private sealed class OnlyStrings : ReceiveActor
    {
        public OnlyStrings() => Receive<string>(s => Sender.Tell(s));
    }

    private sealed class LateRegistration : ReceiveActor
    {
        public LateRegistration() => Receive<string>(_ =>
        {
            try
            {
                Receive<int>(_ => { });
                Sender.Tell("no error");
            }
            catch (InvalidOperationException e)
            {
                Sender.Tell(e.Message);
            }
        });
    }

    private sealed class Plain : ActorBase
    {
        protected override bool Receive(object message)
        {
            if (message is not string s) return false;
            Sender.Tell($"handled {s}");
            return true;
        }
    }
}

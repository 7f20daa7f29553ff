namespace ActorRecorder.Actors.Tests.Refs;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class ActorRefSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void Refs_to_the_same_incarnation_are_equal()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell(new Identify(1), TestActor);
        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal(echo, identity.Subject);
        Assert.Equal(echo.GetHashCode(), identity.Subject!.GetHashCode());
        Assert.Equal(1, identity.MessageId);
    }

    [Fact]
    public void A_new_actor_with_the_same_name_is_a_different_ref()
    {
        var first = Sys.ActorOf(Props.Create<Echo>(), "reused");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);
        var second = Sys.ActorOf(Props.Create<Echo>(), "reused");

        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first.Path.Uid, second.Path.Uid);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Duplicate_child_names_are_refused_naming_the_name()
    {
        Sys.ActorOf(Props.Create<Echo>(), "twin");
        var error = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<Echo>(), "twin"));
        Assert.Equal("twin", error.ActorName);
        Assert.Contains("'twin'", error.Message, StringComparison.Ordinal);
        Assert.Contains("already taken", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("a/b")]
    [InlineData("with space")]
    [InlineData("bad#char")]
    public void Invalid_names_are_refused_naming_the_name(string name)
    {
        var error = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<Echo>(), name));
        Assert.Equal(name, error.ActorName);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_with_allowed_punctuation_and_escapes_are_accepted()
    {
        var actor = Sys.ActorOf(Props.Create<Echo>(), "a-b_c.d:e@f%20g");
        Assert.Equal("a-b_c.d:e@f%20g", actor.Path.Name);
    }

    [Fact]
    public void Generated_names_are_unique_and_start_with_a_dollar()
    {
        var a = Sys.ActorOf(Props.Create<Echo>());
        var b = Sys.ActorOf(Props.Create<Echo>());
        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Path.Name, b.Path.Name);
    }

    [Fact]
    public void A_null_message_is_refused()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        var error = Assert.Throws<ArgumentNullException>(() => echo.Tell(null!, TestActor));
        Assert.Equal("message", error.ParamName);
        Assert.Throws<ArgumentNullException>(() => echo.Tell(null!));
        Assert.Throws<ArgumentNullException>(() => ActorRefs.Nobody.Tell(null!, null));
    }

    [Fact]
    public void Tell_inside_an_actor_uses_the_actor_as_implicit_sender()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        var relay = Sys.ActorOf(Props.Create(() => new Relay(echo, TestActor)));
        relay.Tell("hello", TestActor);
        ExpectMsg("hello");
        Assert.Equal(relay, LastSender);
    }

    [Fact]
    public void Forward_keeps_the_original_sender()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(echo)));
        forwarder.Tell("via", TestActor);
        ExpectMsg("via");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void Tell_without_sender_outside_an_actor_replies_to_dead_letters()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        EventFilter.DeadLetter<string>(s => s == "orphan").ExpectOne(() => echo.Tell("orphan"));
    }

    [Fact]
    public void Nobody_and_NoSender_are_well_known()
    {
        Assert.Null(ActorRefs.NoSender);
        Assert.Equal("Nobody", ActorRefs.Nobody.Path.Name);
        Assert.True(((InternalActorRef)ActorRefs.Nobody).IsTerminated);
    }

    [Fact]
    public void Messages_to_a_stopped_actor_become_dead_letters()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "short-lived");
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);
        EventFilter.DeadLetter<string>(s => s == "anyone?").ExpectOne(() => echo.Tell("anyone?", TestActor));
    }

    [Fact]
    public void Identify_sent_to_a_dead_actor_answers_with_no_subject()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);
        echo.Tell(new Identify("who"), TestActor);
        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal("who", identity.MessageId);
        Assert.Null(identity.Subject);
    }

    private sealed class Relay(IActorRef target, IActorRef observer) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (Sender.Equals(target)) observer.Tell(message, Self);
            else target.Tell(message); // implicit sender: this actor
        }
    }

    private sealed class Forwarder(IActorRef target) : UntypedActor
    {
        protected override void OnReceive(object message) => target.Forward(message);
    }
}

namespace ActorRecorder.Actors.Tests.Context;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class ContextSpec(ITestOutputHelper output) : TestKit(output)
{
    [Fact]
    public void The_context_knows_self_parent_system_and_props()
    {
        var props = Props.Create(() => new Introspect());
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy), "the-parent");
        parent.Tell((props, "kid"), TestActor);
        var kid = ExpectMsg<IActorRef>();
        kid.Tell("who", TestActor);
        var (self, parentRef, system, actorType) = ExpectMsg<(IActorRef, IActorRef, ActorSystem, Type)>();
        Assert.Equal(kid, self);
        Assert.Equal(parent, parentRef);
        Assert.Same(Sys, system);
        Assert.Equal(typeof(Introspect), actorType);
    }

    [Fact]
    public void Children_are_listed_in_start_order_and_found_by_name()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Introspect()));
        actor.Tell(("spawn", "b"), TestActor);
        actor.Tell(("spawn", "a"), TestActor);
        actor.Tell(("spawn", "c"), TestActor);
        actor.Tell("children", TestActor);
        Assert.Equal(["b", "a", "c"], ExpectMsg<string[]>());
        actor.Tell(("find", "a"), TestActor);
        Assert.Equal("a", ExpectMsg<IActorRef>().Path.Name);
        actor.Tell(("find", "missing"), TestActor);
        Assert.Equal(ActorRefs.Nobody, ExpectMsg<IActorRef>());
    }

    [Fact]
    public void A_stopped_child_leaves_the_children_and_frees_its_name()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Introspect()));
        actor.Tell(("spawn", "short"), TestActor);
        actor.Tell(("stop", "short"), TestActor);
        ExpectMsg("stopped short");
        actor.Tell("children", TestActor);
        Assert.Empty(ExpectMsg<string[]>());
        actor.Tell(("spawn", "short"), TestActor);
        actor.Tell(("find", "short"), TestActor);
        Assert.Equal("short", ExpectMsg<IActorRef>().Path.Name);
    }

    [Fact]
    public void The_root_has_no_parent_and_top_level_actors_have_the_user_guardian()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Introspect()), "top");
        actor.Tell("who", TestActor);
        var (_, parent, _, _) = ExpectMsg<(IActorRef, IActorRef, ActorSystem, Type)>();
        Assert.Equal("/user", parent.Path.ToStringWithoutAddress());
    }

    private sealed class Introspect : ReceiveActor
    {
        public Introspect()
        {
            Receive<string>(s => s == "who", _ => Sender.Tell((Context.Self, Context.Parent, Context.System, Context.Props.ActorType)));
            Receive<string>(s => s == "children", _ => Sender.Tell(Context.GetChildren().Select(c => c.Path.Name).ToArray()));
            Receive<(string Command, string Name)>(c => c.Command == "spawn", c => Context.ActorOf(Props.Create<Echo>(), c.Name));
            Receive<(string Command, string Name)>(c => c.Command == "find", c => Sender.Tell(Context.Child(c.Name)));
            Receive<(string Command, string Name)>(c => c.Command == "stop", c =>
            {
                var child = Context.Child(c.Name);
                Context.WatchWith(child, ("stopped", c.Name));
                Context.Stop(child);
                _replyTo = Sender;
            });
            Receive<(string Command, string Name)>(c => c.Command == "stopped", c => _replyTo?.Tell($"stopped {c.Name}"));
        }

        private IActorRef? _replyTo;
    }
}

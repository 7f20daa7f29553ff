namespace ActorRecorder.Actors.Tests.Events;

using ActorRecorder.Actors.Tests.Support;
using ActorRecorder.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

public sealed class EventStreamSpec(ITestOutputHelper output) : TestKit(output)
{
    private sealed record Animal(string Name);

    private sealed record Mineral(string Name);

    [Fact]
    public void Subscribers_receive_events_of_their_channel_only()
    {
        Assert.True(Sys.EventStream.Subscribe(TestActor, typeof(Animal)));
        Sys.EventStream.Publish(new Mineral("quartz"));
        Sys.EventStream.Publish(new Animal("fox"));
        ExpectMsg(new Animal("fox"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_channel_receives_events_assignable_to_it()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(object));
        Sys.EventStream.Publish(new Animal("owl"));
        Sys.EventStream.Publish(new Mineral("mica"));
        ExpectMsg(new Animal("owl"));
        ExpectMsg(new Mineral("mica"));
    }

    [Fact]
    public void Subscribing_twice_is_reported_and_delivers_once()
    {
        Assert.True(Sys.EventStream.Subscribe(TestActor, typeof(Animal)));
        Assert.False(Sys.EventStream.Subscribe(TestActor, typeof(Animal)));
        Sys.EventStream.Publish(new Animal("cat"));
        ExpectMsg(new Animal("cat"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Unsubscribed_actors_receive_nothing()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Animal));
        Sys.EventStream.Subscribe(TestActor, typeof(Mineral));
        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(Animal)));
        Sys.EventStream.Publish(new Animal("dog"));
        Sys.EventStream.Publish(new Mineral("gold"));
        ExpectMsg(new Mineral("gold"));
        Assert.True(Sys.EventStream.Unsubscribe(TestActor));
        Assert.False(Sys.EventStream.Unsubscribe(TestActor));
        Sys.EventStream.Publish(new Mineral("iron"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Every_subscriber_gets_the_event()
    {
        var probes = Enumerable.Range(0, 3).Select(_ => CreateTestProbe()).ToList();
        foreach (var probe in probes) Sys.EventStream.Subscribe(probe.Ref, typeof(Animal));
        Sys.EventStream.Publish(new Animal("bee"));
        foreach (var probe in probes) probe.ExpectMsg(new Animal("bee"));
    }

    [Fact]
    public void A_throwing_subscriber_does_not_reach_the_publisher_nor_the_other_subscribers()
    {
        using var bad = Sys.EventStream.Subscribe<Animal>(_ => throw new InvalidOperationException("subscriber bug"));
        Sys.EventStream.Subscribe(TestActor, typeof(Animal));
        Sys.EventStream.Publish(new Animal("still delivered"));
        ExpectMsg(new Animal("still delivered"));
    }

    [Fact]
    public void A_throwing_dead_letter_subscriber_does_not_stop_termination_from_being_reported()
    {
        using var bad = Sys.EventStream.Subscribe<DeadLetter>(_ => throw new InvalidOperationException("subscriber bug"));
        var actor = Sys.ActorOf(Props.Create<Echo>());
        Watch(actor);
        actor.Tell(PoisonPill.Instance, TestActor);
        actor.Tell("queued behind the PoisonPill: a dead letter", TestActor);
        // The watcher hears of the end although the subscriber of the dead letter throws.
        Assert.Equal(ExitReason.Normal, ExpectTerminated(actor).Reason);
    }

    [Fact]
    public void A_terminated_subscriber_is_dropped()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        Sys.EventStream.Subscribe(echo, typeof(Animal));
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);
        Sys.EventStream.Publish(new Animal("gone"));
        Assert.False(Sys.EventStream.Unsubscribe(echo));
    }
}

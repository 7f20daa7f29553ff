namespace ActorRecorder.Actors.Tests.Support;

using ActorRecorder.TestKit.Xunit2;
using Xunit;

public static class KitExtensions
{
    /// <summary>
    /// After asking a parent to create a <see cref="Reporter"/>: the parent's reply (the child ref)
    /// and the child's own "prestart" come from two actors, so they may arrive in either order.
    /// </summary>
    public static IActorRef ExpectChildStarted(this TestKitBase kit, string id)
    {
        var messages = kit.ReceiveN(2);
        Assert.Contains(new Lifecycle(id, "prestart"), messages);
        return Assert.Single(messages.OfType<IActorRef>());
    }
}

namespace ActorRecorder.Actors.Tests.Refs;

using Xunit;

public sealed class ActorPathSpec
{
    private static readonly ActorPath Root = ActorPath.Root(Address.Local("sys"));

    [Fact]
    public void A_path_renders_with_and_without_its_address()
    {
        var path = Root / "user/a/b";
        Assert.Equal("akka://sys/user/a/b", path.ToString());
        Assert.Equal("/user/a/b", path.ToStringWithoutAddress());
        Assert.Equal(3, path.Depth);
        Assert.Equal("b", path.Name);
        Assert.Equal(Root / "user/a", path.Parent);
        Assert.Equal(Root, path.RootPath);
    }

    [Fact]
    public void Equality_ignores_the_uid_but_serialization_keeps_it()
    {
        var a = (Root / "user").Child("x").WithUid(42);
        var b = (Root / "user").Child("x").WithUid(7);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("akka://sys/user/x#42", a.ToSerializationFormat());
    }

    [Fact]
    public void Paths_of_different_systems_or_names_differ()
    {
        var other = ActorPath.Root(Address.Local("other")) / "user/x";
        Assert.NotEqual(Root / "user/x", other);
        Assert.NotEqual(Root / "user/x", Root / "user/y");
        Assert.True(Root / "user/a" < Root / "user/b");
    }

    [Fact]
    public void An_address_has_room_for_a_remote_node()
    {
        var remote = new Address("akka.broker", "sys", "node-1", 4711);
        Assert.Equal("akka.broker://sys@node-1:4711", remote.ToString());
        Assert.True(remote.HasGlobalScope);
        Assert.False(Address.Local("sys").HasGlobalScope);
        Assert.Equal("akka.broker://sys@node-1:4711/user/x", (ActorPath.Root(remote) / "user/x").ToString());
    }
}

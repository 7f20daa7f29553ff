using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Syntax;

public sealed class DuplicateKeyTests
{
    [Fact]
    public void A_later_simple_value_wins()
    {
        Assert.Equal("""{"a":2}""", TestConfig.Json("a = 1\na = 2"));
    }

    [Fact]
    public void Objects_under_the_same_key_merge_recursively()
    {
        Assert.Equal("""{"foo":{"a":42,"c":{"x":1,"y":2},"b":43}}""",
            TestConfig.Json("foo { a = 42, c { x = 1 } }\nfoo { b = 43, c { y = 2 } }"));
    }

    [Fact]
    public void Null_between_two_objects_stops_the_merge()
    {
        Assert.Equal("""{"foo":{"b":43}}""", TestConfig.Json("foo : { a : 42 },\nfoo : null,\nfoo : { b : 43 }"));
    }

    [Fact]
    public void A_simple_value_between_two_objects_stops_the_merge()
    {
        Assert.Equal("""{"foo":{"b":43}}""", TestConfig.Json("foo { a = 42 }\nfoo = 1\nfoo { b = 43 }"));
    }

    [Fact]
    public void An_object_replaces_an_earlier_simple_value_and_vice_versa()
    {
        Assert.Equal("""{"a":{"x":1},"b":5}""", TestConfig.Json("a = 1\na { x = 1 }\nb { y = 1 }\nb = 5"));
    }

    [Fact]
    public void Arrays_are_replaced_not_merged()
    {
        Assert.Equal("""{"a":[3]}""", TestConfig.Json("a = [1, 2]\na = [3]"));
    }
}

using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Substitutions;

public sealed class CycleTests
{
    [Fact]
    public void A_two_field_cycle_is_an_error_naming_the_paths()
    {
        var error = Assert.Throws<ConfigResolveException>(() => TestConfig.Parse("bar : ${foo}\nfoo : ${bar}"));

        Assert.Equal("foo", error.Path);
        Assert.Contains("test:2:7", error.Message, StringComparison.Ordinal);
        Assert.Contains("cycle: bar -> foo -> bar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_three_field_cycle_is_an_error()
    {
        var error = Assert.Throws<ConfigResolveException>(() => TestConfig.Parse("a : ${b}\nb : ${c}\nc : ${a}"));

        Assert.Contains("a -> b -> c -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_containing_a_reference_to_itself_is_a_cycle()
    {
        var error = Assert.Throws<ConfigResolveException>(() => TestConfig.Parse("a : { b : ${a} }"));

        Assert.Equal("a.b", error.Path);
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_array_containing_a_reference_to_itself_is_a_cycle()
    {
        var error = Assert.Throws<ConfigResolveException>(() => TestConfig.Parse("a : [ ${a} ]"));

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_substitutions_in_a_cycle_are_undefined()
    {
        Assert.Equal("""{"c":1}""", TestConfig.Json("a : ${?b}\nb : ${?a}\nc : 1"));
    }
}

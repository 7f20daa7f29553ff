using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Substitutions;

public sealed class PlusEqualsTests
{
    [Fact]
    public void Plus_equals_may_be_the_first_mention()
    {
        Assert.Equal("""{"a":[1,2]}""", TestConfig.Json("a += 1\na += 2"));
    }

    [Fact]
    public void Plus_equals_appends_to_an_earlier_array()
    {
        Assert.Equal("""{"a":[1,2,3]}""", TestConfig.Json("a = [1, 2]\na += 3"));
    }

    [Fact]
    public void Plus_equals_works_with_path_keys_and_inside_objects()
    {
        Assert.Equal("""{"x":{"y":[1,2,3]}}""", TestConfig.Json("x.y = [1]\nx { y += 2 }\nx.y += 3"));
    }

    [Fact]
    public void Plus_equals_appends_arrays_as_single_elements()
    {
        Assert.Equal("""{"a":[[1],{"b":2}]}""", TestConfig.Json("a += [1]\na += { b = 2 }"));
    }

    [Fact]
    public void Plus_equals_on_a_non_array_is_an_error()
    {
        var error = Assert.Throws<ConfigResolveException>(() => TestConfig.Parse("a = 5\na += 6"));

        Assert.Equal("a", error.Path);
        Assert.Contains("cannot concatenate an array with a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plus_equals_extends_a_list_from_a_fallback()
    {
        var user = ConfigurationFactory.ParseString("akka.loggers += custom", TestConfig.NoEnvironment);
        var reference = ConfigurationFactory.ParseString("akka.loggers = [default]", TestConfig.NoEnvironment);

        Assert.Equal(["default", "custom"], user.WithFallback(reference).GetStringList("akka.loggers"));
    }
}

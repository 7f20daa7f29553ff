using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Substitutions;

public sealed class OptionalSubstitutionTests
{
    [Fact]
    public void A_missing_optional_field_value_leaves_the_field_unset()
    {
        var config = TestConfig.Parse("a = ${?missing}\nb = 1");

        Assert.False(config.HasPath("a"));
        Assert.Equal(["b"], config.Keys);
    }

    [Fact]
    public void A_missing_optional_value_keeps_the_previous_value()
    {
        Assert.Equal("""{"timeout":10}""", TestConfig.Json("timeout = 10\ntimeout = ${?TIMEOUT_OVERRIDE}"));
    }

    [Fact]
    public void A_found_optional_value_overrides()
    {
        Assert.Equal("""{"override":20,"timeout":20}""", TestConfig.Json("override = 20\ntimeout = 10\ntimeout = ${?override}"));
    }

    [Fact]
    public void A_missing_optional_array_element_is_dropped()
    {
        Assert.Equal("""{"a":[1,3]}""", TestConfig.Json("a = [1, ${?missing}, 3]"));
    }

    [Fact]
    public void A_missing_optional_value_in_a_string_concatenation_is_empty()
    {
        Assert.Equal("""{"a":"foo--bar"}""", TestConfig.Json("a = foo-${?missing}-bar"));
    }

    [Fact]
    public void A_missing_optional_value_in_an_array_or_object_concatenation_is_empty()
    {
        Assert.Equal("""{"a":[1,2],"o":{"x":1}}""", TestConfig.Json("a = [1] ${?missing} [2]\no = ${?missing} { x = 1 }"));
    }

    [Fact]
    public void A_concatenation_of_only_missing_optional_values_leaves_the_field_unset()
    {
        Assert.Equal("{}", TestConfig.Json("foo : ${?bar}${?baz}"));
    }
}

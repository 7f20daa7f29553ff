using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Substitutions;

public sealed class SelfReferenceTests
{
    [Fact]
    public void A_string_field_can_extend_its_previous_value()
    {
        Assert.Equal("a:b:c:d", TestConfig.Parse("path : \"a:b:c\"\npath : ${path}\":d\"").GetString("path"));
    }

    [Fact]
    public void An_array_field_can_extend_its_previous_value()
    {
        Assert.Equal("""{"a":[1,2,3,4]}""", TestConfig.Json("a : [ 1, 2 ]\na : ${a} [ 3, 4 ]"));
    }

    [Fact]
    public void An_object_field_can_extend_its_previous_value()
    {
        Assert.Equal("""{"foo":{"a":1,"b":2}}""", TestConfig.Json("foo : { a : 1 }\nfoo : ${foo} { b : 2 }"));
    }

    [Fact]
    public void A_self_reference_through_a_path_looks_below_the_current_definition()
    {
        Assert.Equal("""{"foo":{"a":2,"c":1}}""", TestConfig.Json("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }"));
    }

    [Fact]
    public void An_optional_self_reference_with_nothing_before_it_is_empty()
    {
        Assert.Equal("""{"a":"foo"}""", TestConfig.Json("a = ${?a}foo"));
    }

    [Fact]
    public void An_optional_lone_self_reference_disappears()
    {
        Assert.Equal("{}", TestConfig.Json("foo : ${?foo}"));
    }

    [Fact]
    public void A_required_self_reference_with_nothing_before_it_is_an_error()
    {
        var error = Assert.Throws<ConfigResolveException>(() => TestConfig.Parse("foo : ${foo}"));

        Assert.Equal("foo", error.Path);
        Assert.Contains("test:1:7", error.Message, StringComparison.Ordinal);
        Assert.Contains("refers to itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_reference_through_another_field_looks_back()
    {
        Assert.Equal("""{"foo":1,"bar":1}""", TestConfig.Json("foo = 1\nfoo = ${bar}\nbar = ${foo}"));
    }

    [Fact]
    public void A_cycle_hidden_by_a_later_value_is_ignored()
    {
        Assert.Equal("""{"foo":42}""", TestConfig.Json("foo : ${foo}\nfoo : 42"));
    }

    [Fact]
    public void Self_references_inside_a_nested_object_look_back_too()
    {
        Assert.Equal("""{"a":{"b":{"list":[1,2]}}}""", TestConfig.Json("a.b.list = [1]\na { b { list = ${a.b.list} [2] } }"));
    }

    [Fact]
    public void Self_references_see_values_from_a_fallback()
    {
        var user = ConfigurationFactory.ParseString("loggers = ${loggers} [custom]", TestConfig.NoEnvironment);
        var reference = ConfigurationFactory.ParseString("loggers = [default]", TestConfig.NoEnvironment);

        Assert.Equal(["default", "custom"], user.WithFallback(reference).GetStringList("loggers"));
    }
}

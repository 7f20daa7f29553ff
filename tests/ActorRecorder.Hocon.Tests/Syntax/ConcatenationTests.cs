using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Syntax;

public sealed class ConcatenationTests
{
    [Fact]
    public void Whitespace_between_simple_values_is_kept_and_outer_whitespace_dropped()
    {
        Assert.Equal("foo   bar \"baz\"", TestConfig.Parse("a =    foo   bar \"\\\"baz\\\"\"   ").GetString("a"));
    }

    [Fact]
    public void Simple_values_are_concatenated_with_numbers_as_written()
    {
        var config = TestConfig.Parse("a = null bar 1.50 true 1e5\nb = 1 2");

        Assert.Equal("null bar 1.50 true 1e5", config.GetString("a"));
        Assert.Equal(HoconValueType.String, config.GetValue("b").Type);
    }

    [Fact]
    public void Quoted_and_unquoted_parts_join_without_added_spaces()
    {
        Assert.Equal("foo\"bar\"baz", TestConfig.Parse("a = foo\"\\\"bar\\\"\"baz").GetString("a"));
    }

    [Fact]
    public void Arrays_concatenate()
    {
        Assert.Equal("""{"a":[1,2,3,4]}""", TestConfig.Json("a = [1, 2] [3, 4]"));
    }

    [Fact]
    public void Objects_concatenate_by_merging_with_the_later_one_winning()
    {
        Assert.Equal("""{"a":{"b":1,"c":3,"d":4}}""", TestConfig.Json("a = { b = 1, c = 2 } { c = 3, d = 4 }"));
    }

    [Fact]
    public void Concatenation_never_spans_a_newline()
    {
        Assert.Equal("""{"a":[[1],[2]]}""", TestConfig.Json("a = [\n[1]\n[2]\n]"));
    }

    [Fact]
    public void Mixing_an_array_with_a_string_is_a_parse_error_at_the_concatenation()
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString("x = 1\na = [1] foo", "text"));

        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("cannot concatenate an array with a string", error.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixing_an_object_with_an_array_is_an_error()
    {
        Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString("a = { b = 1 } [1]"));
    }

    [Fact]
    public void Substitutions_concatenate_with_text_on_either_side()
    {
        Assert.Equal("pre-x-post", TestConfig.Parse("v = x\na = pre-${v}\"-post\"").GetString("a"));
    }
}

using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Syntax;

public sealed class PathKeyTests
{
    [Fact]
    public void A_dotted_key_creates_nested_objects_that_merge()
    {
        Assert.Equal("""{"a":{"x":42,"y":43,"b":{"c":1}}}""", TestConfig.Json("a.x : 42, a.y : 43\na.b.c = 1"));
    }

    [Fact]
    public void Quoted_segments_keep_their_dots()
    {
        var config = TestConfig.Parse("\"a.b\".c = 1\nfoo.bar.\"hello.world\" = 2");

        Assert.Equal(1, config.GetInt("\"a.b\".c"));
        Assert.Equal(2, config.GetInt("foo.bar.\"hello.world\""));
        Assert.Equal(["a.b", "foo"], config.Keys);
    }

    [Fact]
    public void An_empty_segment_is_allowed_only_when_quoted()
    {
        Assert.Equal("""{"a":{"":{"b":1}}}""", TestConfig.Json("a.\"\".b = 1"));
    }

    [Theory]
    [InlineData("a..b = 1", "a path expression has an empty element ('..')")]
    [InlineData(".a = 1", "a path expression starts with '.'")]
    [InlineData("a. = 1", "a path expression ends with '.'")]
    public void Empty_unquoted_segments_are_errors(string text, string reason)
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString(text, "keys"));

        Assert.Equal(reason, error.Found);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Keys_are_always_strings_and_numbers_split_on_their_dots()
    {
        Assert.Equal("""{"true":42,"3":{"14":42},"10":{"0foo":1},"foo10":{"0":2}}""",
            TestConfig.Json("true : 42\n3.14 : 42\n10.0foo = 1\nfoo10.0 = 2"));
    }

    [Fact]
    public void Whitespace_inside_a_key_is_part_of_it()
    {
        Assert.Equal("""{"a b c":42,"foo include":1}""", TestConfig.Json("a b c : 42\nfoo include : 1"));
    }

    [Fact]
    public void A_quoted_include_is_an_ordinary_key()
    {
        Assert.Equal("""{"include":42}""", TestConfig.Json("\"include\" : 42"));
    }

    [Fact]
    public void Include_is_an_ordinary_value()
    {
        Assert.Equal("""{"foo":"include","bar":["include"]}""", TestConfig.Json("foo : include\nbar : [ include ]"));
    }

    [Fact]
    public void Weird_whitespace_around_path_keys_is_tolerated()
    {
        Assert.Equal("""{"a":{"b":{"c":1}}}""", TestConfig.Json("a.b.c   \n\n   : \n\n 1"));
    }
}

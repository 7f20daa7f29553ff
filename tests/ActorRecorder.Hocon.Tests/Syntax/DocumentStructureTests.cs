using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Syntax;

public sealed class DocumentStructureTests
{
    [Fact]
    public void Root_braces_may_be_omitted()
    {
        Assert.Equal(TestConfig.Json("{ a = 1, b { c = 2 } }"), TestConfig.Json("a = 1\nb { c = 2 }"));
        Assert.Equal("""{"a":1,"b":{"c":2}}""", TestConfig.Json("a = 1\nb { c = 2 }"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("# only a comment\n// and another")]
    [InlineData("{}")]
    [InlineData(" { } \n")]
    public void Empty_documents_give_an_empty_config(string text)
    {
        var config = TestConfig.Parse(text);

        Assert.True(config.IsEmpty);
        Assert.Empty(config.Keys);
    }

    [Fact]
    public void Equals_and_colon_separate_keys_from_values()
    {
        Assert.Equal("""{"a":1,"b":2}""", TestConfig.Json("a = 1\nb : 2"));
    }

    [Fact]
    public void The_separator_may_be_omitted_before_an_object_even_across_newlines()
    {
        Assert.Equal("""{"a":{"x":1},"b":{"y":2}}""", TestConfig.Json("a { x = 1 }\nb\n{ y = 2 }"));
    }

    [Fact]
    public void Newlines_may_separate_key_separator_and_value()
    {
        Assert.Equal("""{"a":1}""", TestConfig.Json("a\n:\n\n1"));
    }

    [Fact]
    public void Newlines_replace_commas_in_objects_and_arrays()
    {
        Assert.Equal("""{"a":1,"b":[1,2,3]}""", TestConfig.Json("a = 1\nb = [\n1\n2\n\n3\n]"));
    }

    [Fact]
    public void A_single_trailing_comma_is_allowed_in_objects_and_arrays()
    {
        Assert.Equal("""{"a":{"x":1},"b":[1,2]}""", TestConfig.Json("a { x = 1, }\nb = [1, 2,],"));
    }

    [Fact]
    public void Json_without_whitespace_parses()
    {
        Assert.Equal("""{"a":[1,{"b":null}],"c":"d"}""", TestConfig.Json("""{"a":[1,{"b":null}],"c":"d"}"""));
    }

    [Fact]
    public void Non_newline_whitespace_inside_an_array_concatenates_rather_than_separates()
    {
        Assert.Equal("""{"a":["1 2 3 4"],"b":[[1,2,3,4]],"c":[[1,2],[3,4]]}""",
            TestConfig.Json("a = [ 1 2 3 4 ]\nb = [ [ 1, 2 ] [ 3, 4 ] ]\nc = [ [ 1, 2 ]\n [ 3, 4 ] ]"));
    }

    [Fact]
    public void Numbers_keep_json_semantics()
    {
        var config = TestConfig.Parse("a = 42\nb = -7\nc = 1.5\nd = 1e3\ne = 12345678901234567890\nf = -0");

        Assert.Equal("""{"a":42,"b":-7,"c":1.5,"d":1000.0,"e":1.2345678901234567E+19,"f":0}""", TestConfig.ToJson(config));
        var number = Assert.IsType<HoconNumber>(config.GetValue("d"));
        Assert.Equal("1e3", number.Text);
        Assert.False(number.IsIntegral);
    }

    [Fact]
    public void Booleans_and_null_are_typed_when_alone()
    {
        var root = TestConfig.Parse("t = true\nf = false\nn = null").Root;

        Assert.Equal(HoconValueType.Boolean, root["t"].Type);
        Assert.True(((HoconBoolean)root["t"]).Value);
        Assert.False(((HoconBoolean)root["f"]).Value);
        Assert.Equal(HoconValueType.Null, root["n"].Type);
    }
}

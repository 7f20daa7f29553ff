using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Output;

public sealed class ToStringRoundTripTests
{
    [Fact]
    public void Rendered_text_parses_back_to_the_same_tree()
    {
        const string Text = """"
            akka {
              loglevel = INFO
              "quoted.key" = 1
              "include" = "a key that is a keyword"
              "" = empty-key
              "with space" = [1, 2.50, 1e3, -0]
              nested { deeper { deepest = true } }
              empty-object {}
              empty-list = []
              text = "tab\there \"quotes\" back\\slash \u0001 é"
              multi = """line1
            line2"""
              nothing = null
              numbers { big = 12345678901234567890, small = -7 }
              true = keyword-key
              42 = numeric-key
            }
            """";
        var original = TestConfig.Parse(Text);

        var rendered = original.ToString();
        var reparsed = TestConfig.Parse(rendered);

        Assert.Equal(TestConfig.ToJson(original), TestConfig.ToJson(reparsed));
        Assert.Equal(rendered, reparsed.ToString());
    }

    [Fact]
    public void Rendering_is_readable_hocon()
    {
        var rendered = TestConfig.Parse("a { b = 1, c = [x] }").ToString();

        Assert.Equal("a {\n  b = 1\n  c = [\n    \"x\"\n  ]\n}\n", rendered);
    }

    [Fact]
    public void Values_render_as_hocon_too()
    {
        var root = TestConfig.Parse("o { k = \"v\" }\nl = [1, 2]").Root;

        Assert.Equal("{\n  k = \"v\"\n}", root["o"].ToString());
        Assert.Equal("[\n  1,\n  2\n]", root["l"].ToString());
    }
}

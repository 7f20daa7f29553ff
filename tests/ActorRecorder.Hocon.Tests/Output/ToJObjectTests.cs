using ActorRecorder.Hocon.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Output;

public sealed class ToJObjectTests
{
    [Fact]
    public void Values_map_to_matching_json_token_types()
    {
        var json = TestConfig.Parse("i = 42\nd = 4.5\ns = text\nb = false\nn = null\na = [1, x]\no { k = v }").ToJObject();

        Assert.Equal(JTokenType.Integer, json["i"]!.Type);
        Assert.Equal(42L, json["i"]!.Value<long>());
        Assert.Equal(JTokenType.Float, json["d"]!.Type);
        Assert.Equal(4.5, json["d"]!.Value<double>());
        Assert.Equal(JTokenType.String, json["s"]!.Type);
        Assert.Equal(JTokenType.Boolean, json["b"]!.Type);
        Assert.Equal(JTokenType.Null, json["n"]!.Type);
        Assert.Equal(JTokenType.Array, json["a"]!.Type);
        Assert.Equal("x", json["a"]![1]!.Value<string>());
        Assert.Equal("v", json["o"]!["k"]!.Value<string>());
    }

    [Fact]
    public void The_tree_is_resolved_first()
    {
        Assert.Equal("""{"a":1,"b":1}""", TestConfig.ToJson(ConfigurationFactory.ParseString("a = 1\nb = ${a}", TestConfig.NoEnvironment)));
    }
}

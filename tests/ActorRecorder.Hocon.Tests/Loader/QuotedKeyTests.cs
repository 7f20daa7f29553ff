using ActorRecorder.Hocon.Tests.Support;
using Xunit;
using AkkaObject = Akka.Configuration.Hocon.HoconObject;

namespace ActorRecorder.Hocon.Tests.Loader;

public sealed class QuotedKeyTests
{
    [Fact]
    public void A_quoted_key_with_dots_is_one_key_read_back_by_quoting_it()
    {
        var config = Loaded.Parse("\"a.b\" = 1");

        Assert.Equal(["a.b"], config.AsEnumerable().Select(pair => pair.Key));
        Assert.Equal(1, config.GetInt("\"a.b\""));
        Assert.Equal("1", config.GetString("\"a.b\""));
        Assert.True(config.HasPath("\"a.b\""));
        Assert.False(config.HasPath("a.b"));
        Assert.False(config.HasPath("a"));
    }

    [Fact]
    public void A_nested_quoted_key_is_read_with_a_quoted_segment()
    {
        var config = Loaded.Parse("akka.actor.deployment { \"/user/a.b\" { router = round-robin-pool, nr-of-instances = 3 } }");

        Assert.Equal("round-robin-pool", config.GetString("akka.actor.deployment.\"/user/a.b\".router"));
        Assert.Equal(3, config.GetConfig("akka.actor.deployment").GetConfig("\"/user/a.b\"").GetInt("nr-of-instances"));
        Assert.Equal(["/user/a.b"], config.GetValue("akka.actor.deployment").GetObject().Items.Keys);
    }

    [Fact]
    public void A_quoted_dotted_key_and_the_path_it_looks_like_are_different_keys()
    {
        var config = Loaded.Parse("\"a.b\" = quoted\na.b = path");

        Assert.Equal("quoted", config.GetString("\"a.b\""));
        Assert.Equal("path", config.GetString("a.b"));
        Assert.Equal(["a.b", "a"], config.Root.GetObject().Items.Keys);
    }

    [Fact]
    public void A_quoted_key_holding_an_object_keeps_its_dots()
    {
        var config = Loaded.Parse("servers { \"10.0.0.1\" { port = 2552 }, \"10.0.0.2\" { port = 2553 } }");

        Assert.Equal(["10.0.0.1", "10.0.0.2"], config.GetValue("servers").GetObject().Items.Keys);
        Assert.Equal(2553, config.GetInt("servers.\"10.0.0.2\".port"));
    }

    [Fact]
    public void A_key_containing_a_double_quote_is_kept_and_read_from_the_object_model()
    {
        var config = Loaded.Parse("outer { \"say \\\"hi\\\".now\" = 1 }");

        var outer = Assert.IsType<AkkaObject>(config.GetValue("outer").Values[0]);
        var key = Assert.Single(outer.Items.Keys);
        Assert.Equal("say \"hi\".now", key);
        Assert.Equal(1, outer.Items[key].GetInt());
    }

    [Fact]
    public void Keys_with_spaces_colons_and_the_empty_key_are_kept()
    {
        var config = Loaded.Parse("\"a b\" = 1\n\"c:d\" = 2\n\"\" = 3");

        Assert.Equal(["a b", "c:d", ""], config.Root.GetObject().Items.Keys);
        Assert.Equal(1, config.GetInt("\"a b\""));
        Assert.Equal(2, config.GetInt("\"c:d\""));
        Assert.Equal(3, config.Root.GetObject().Items[""].GetInt());
    }

    [Fact]
    public void Keys_keep_their_definition_order()
    {
        var config = Loaded.Parse("z = 1\na = 2\n\"m.n\" = 3\nb { y = 1, x = 2 }");

        Assert.Equal(["z", "a", "m.n", "b"], config.AsEnumerable().Select(pair => pair.Key));
        Assert.Equal(["y", "x"], config.GetValue("b").GetObject().Items.Keys);
    }
}

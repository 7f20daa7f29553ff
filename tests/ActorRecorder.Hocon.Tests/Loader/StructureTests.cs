using ActorRecorder.Hocon.Tests.Support;
using Xunit;
using AkkaArray = Akka.Configuration.Hocon.HoconArray;
using AkkaObject = Akka.Configuration.Hocon.HoconObject;

namespace ActorRecorder.Hocon.Tests.Loader;

/// <summary>Objects and arrays of every shape survive the conversion to Akka's model.</summary>
public sealed class StructureTests
{
    [Fact]
    public void An_empty_object_is_kept()
    {
        var config = Loaded.Parse("e = {}\nouter { inner {} }\nafter = 1");

        Assert.True(config.HasPath("e"));
        Assert.True(config.GetConfig("e").IsEmpty);
        Assert.Empty(Assert.IsType<AkkaObject>(config.GetValue("e").Values[0]).Items);
        Assert.True(config.GetValue("outer.inner").IsObject());
        Assert.Equal(1, config.GetInt("after"));
    }

    [Fact]
    public void An_empty_document_is_an_empty_config()
    {
        var config = Loaded.Parse("# nothing but a comment\n");

        Assert.True(config.IsEmpty);
        Assert.Empty(config.AsEnumerable());
        Assert.Equal("fallback", config.WithFallback(Loaded.Parse("x = fallback")).GetString("x"));
    }

    [Fact]
    public void An_empty_array_is_kept()
    {
        var config = Loaded.Parse("e = []\nafter = 1");

        Assert.True(config.HasPath("e"));
        Assert.Empty(config.GetStringList("e"));
        Assert.Empty(config.GetIntList("e"));
        var value = config.GetValue("e");
        Assert.Empty(Assert.IsType<AkkaArray>(Assert.Single(value.Values)));
        Assert.False(value.IsString());
        Assert.False(value.IsObject());
        Assert.Equal(1, config.GetInt("after"));
    }

    [Fact]
    public void An_array_of_objects_keeps_every_object()
    {
        var config = Loaded.Parse("""
            listeners = [
              { name = public, port = 8080, tls { enabled = true } }
              { name = admin, port = 9090, tags = [a, b] }
              {}
            ]
            """);

        var elements = config.GetValue("listeners").GetArray();
        Assert.Equal(3, elements.Count);
        var first = elements[0].ToConfig();
        Assert.Equal("public", first.GetString("name"));
        Assert.True(first.GetBoolean("tls.enabled"));
        var second = elements[1].ToConfig();
        Assert.Equal(9090, second.GetInt("port"));
        Assert.Equal(["a", "b"], second.GetStringList("tags"));
        Assert.True(elements[2].ToConfig().IsEmpty);
    }

    [Fact]
    public void Nested_arrays_keep_their_structure()
    {
        var config = Loaded.Parse("m = [[1, 2], [], [[3]], [x, {k = v}]]");

        var outer = config.GetValue("m").GetArray();
        Assert.Equal(4, outer.Count);
        Assert.Equal([1, 2], outer[0].GetIntList());
        Assert.Empty(Assert.IsType<AkkaArray>(Assert.Single(outer[1].Values)));
        Assert.Equal([3], Assert.Single(outer[2].GetArray()).GetIntList());
        Assert.Equal("x", outer[3].GetArray()[0].GetString());
        Assert.Equal("v", outer[3].GetArray()[1].ToConfig().GetString("k"));
    }

    [Fact]
    public void Arrays_of_scalars_read_through_Akka_list_getters()
    {
        var config = Loaded.Parse("s = [a, \"b c\", 3]\ni = [1, -2, 3]\nd = [1.5, 2e3]\nb = [true, false]");

        Assert.Equal(["a", "b c", "3"], config.GetStringList("s"));
        Assert.Equal([1, -2, 3], config.GetIntList("i"));
        Assert.Equal([1.5, 2000.0], config.GetDoubleList("d"));
        Assert.Equal([true, false], config.GetBooleanList("b"));
    }

    [Fact]
    public void Merged_objects_and_array_concatenation_arrive_resolved()
    {
        var config = Loaded.Parse("a { x = 1 }\na { y = 2 }\nl = [1]\nl += 2\nl = ${l} [3]");

        Assert.Equal(["x", "y"], config.GetValue("a").GetObject().Items.Keys);
        Assert.Equal([1, 2, 3], config.GetIntList("l"));
    }

    [Fact]
    public void Akka_WithFallback_merges_loaded_configs_and_keeps_dotted_keys()
    {
        var user = Loaded.Parse("app { \"x.y\" = user, port = 1 }");
        var reference = Loaded.Parse("app { port = 0, host = localhost, empty = [] }");

        var merged = user.WithFallback(reference);

        Assert.Equal("user", merged.GetString("app.\"x.y\""));
        Assert.Equal(1, merged.GetInt("app.port"));
        Assert.Equal("localhost", merged.GetString("app.host"));
        Assert.True(merged.HasPath("app.empty"));
    }

    [Fact]
    public void The_Akka_tree_matches_the_project_tree_for_the_embedded_reference_sample()
    {
        var assembly = typeof(StructureTests).Assembly;
        var ours = ConfigurationFactory.FromResource(assembly, "reference-sample.conf", TestConfig.NoEnvironment).Resolve();

        var config = HoconLoader.FromResource(assembly, "reference-sample.conf", TestConfig.NoEnvironment);

        AkkaTreeAssert.Equivalent(ours.ToJObject(), config, "reference-sample.conf");
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("sample.timeout"));
        Assert.Equal(9000, config.GetInt("sample.listeners.port"));
    }

    [Fact]
    public void The_Akka_tree_matches_the_project_tree_for_every_kind_of_value()
    {
        const string Text = """
            obj { a = 1, "b.c" = { d = [] }, e = {} }
            arr = [null, true, 1, 1.5, "s", [], {}, [[]], { x = [{ y = null }] }]
            n = null
            t = true
            f = false
            i = -12
            big = 123456789012345678901234567890
            x = 6.02e23
            s = "a \"quoted\" \\ back\nslash ${not.a.sub}"
            u = unquoted string here
            size = 64KiB
            time = 10s
            self = ${obj.a}
            """;
        var ours = ConfigurationFactory.ParseString(Text, TestConfig.NoEnvironment).Resolve();

        AkkaTreeAssert.Equivalent(ours.ToJObject(), Loaded.Parse(Text), "every kind of value");
    }
}

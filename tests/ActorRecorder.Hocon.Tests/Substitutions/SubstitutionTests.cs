using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Substitutions;

public sealed class SubstitutionTests
{
    [Fact]
    public void A_lone_substitution_keeps_the_type_of_its_target()
    {
        const string Text = """
            n = 42
            o { x = 1 }
            l = [1, 2]
            b = true
            z = null
            copies { n = ${n}, o = ${o}, l = ${l}, b = ${b}, z = ${z} }
            """;

        Assert.Equal("""{"n":42,"o":{"x":1},"l":[1,2],"b":true,"z":null}""", TestConfig.ToJson(TestConfig.Parse(Text).GetConfig("copies")));
    }

    [Fact]
    public void Substitutions_look_forward_to_the_final_merged_value()
    {
        Assert.Equal("""{"b":{"x":2},"a":{"x":2}}""", TestConfig.Json("b = ${a}\na { x = 1 }\na.x = 2"));
    }

    [Fact]
    public void Quoted_path_segments_and_surrounding_whitespace_are_understood()
    {
        var config = TestConfig.Parse("\"a.b\" { c = 1 }\nv = ${ \"a.b\".c }");

        Assert.Equal(1, config.GetInt("v"));
    }

    [Fact]
    public void An_object_may_refer_to_its_own_fields()
    {
        Assert.Equal("""{"bar":{"foo":43,"baz":43}}""", TestConfig.Json("bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }"));
    }

    [Fact]
    public void Mutually_referring_objects_resolve()
    {
        const string Text = """
            bar : { a : ${foo.d}, b : 1 }
            bar.b = 3
            foo : { c : ${bar.b}, d : 2 }
            foo.d = 4
            """;

        Assert.Equal("""{"bar":{"a":4,"b":3},"foo":{"c":3,"d":4}}""", TestConfig.Json(Text));
    }

    [Fact]
    public void Object_concatenation_with_a_substitution_gives_inheritance()
    {
        const string Text = """
            data-center-generic = { cluster-size = 6, name = generic }
            data-center-east = ${data-center-generic} { name = "east" }
            """;

        Assert.Equal("""{"cluster-size":6,"name":"east"}""", TestConfig.ToJson(TestConfig.Parse(Text).GetConfig("data-center-east")));
    }

    [Fact]
    public void Substitutions_inside_arrays_and_string_concatenations_resolve()
    {
        const string Text = """
            host = example.org
            port = 8080
            url = "http://"${host}":"${port}/path
            hosts = [${host}, backup.${host}]
            """;
        var config = TestConfig.Parse(Text);

        Assert.Equal("http://example.org:8080/path", config.GetString("url"));
        Assert.Equal(["example.org", "backup.example.org"], config.GetStringList("hosts"));
    }

    [Fact]
    public void A_null_target_reads_as_null_text_inside_a_string()
    {
        Assert.Equal("value: null", TestConfig.Parse("n = null\ns = \"value: \"${n}").GetString("s"));
    }

    [Fact]
    public void Both_copies_of_a_value_see_the_same_resolution()
    {
        var config = TestConfig.Parse("a = 1\nb = 2\na = ${b}\nb = ${a}");

        Assert.Equal(config.GetInt("a"), config.GetInt("b"));
    }

    [Fact]
    public void A_substitution_hidden_by_a_later_value_is_never_evaluated()
    {
        Assert.Equal("""{"foo":42}""", TestConfig.Json("foo : ${does-not-exist}\nfoo : 42"));
    }

    [Fact]
    public void Values_stay_unresolved_until_read()
    {
        var config = ConfigurationFactory.ParseString("a = ${missing}", TestConfig.NoEnvironment);

        Assert.False(config.IsResolved);
        Assert.Throws<ConfigResolveException>(() => config.GetString("a"));
    }

    [Fact]
    public void Resolve_returns_a_resolved_config()
    {
        var resolved = ConfigurationFactory.ParseString("a = 1\nb = ${a}", TestConfig.NoEnvironment).Resolve();

        Assert.True(resolved.IsResolved);
        Assert.Equal(1, resolved.GetInt("b"));
    }

    [Fact]
    public void Lazy_resolution_is_safe_to_trigger_from_many_threads()
    {
        var config = ConfigurationFactory.ParseString("base { size = 3 }\nitems = [${base.size}, ${base.size}]\ncopy = ${base}", TestConfig.NoEnvironment);
        var results = new string[64];

        Parallel.For(0, results.Length, i => results[i] = TestConfig.ToJson(config));

        Assert.All(results, json => Assert.Equal("""{"base":{"size":3},"items":[3,3],"copy":{"size":3}}""", json));
    }

    [Fact]
    public void Substitutions_are_not_parsed_inside_quotes()
    {
        Assert.Equal("${a}", TestConfig.Parse("a = 1\nb = \"${a}\"").GetString("b"));
    }
}

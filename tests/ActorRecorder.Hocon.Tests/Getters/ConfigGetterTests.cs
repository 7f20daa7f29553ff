using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Getters;

public sealed class ConfigGetterTests
{
    [Fact]
    public void GetConfig_returns_the_subtree_with_its_keys_in_definition_order()
    {
        var config = TestConfig.Parse("listeners { tcp { port = 1 }, udp { port = 2 }, http { port = 3 } }");

        var listeners = config.GetConfig("listeners");

        Assert.Equal(["tcp", "udp", "http"], listeners.Keys);
        Assert.Equal(2, listeners.GetConfig("udp").GetInt("port"));
        Assert.Equal(3, listeners.GetInt("http.port"));
    }

    [Fact]
    public void The_root_model_enumerates_objects_and_arrays()
    {
        var root = TestConfig.Parse("a { x = 1, y = [true, \"s\"] }").Root;

        var a = Assert.IsType<HoconObject>(root["a"]);
        Assert.Equal(["x", "y"], a.Keys);
        Assert.True(a.ContainsKey("x"));
        Assert.True(a.TryGetValue("y", out var y));
        var list = Assert.IsType<HoconArray>(y);
        Assert.Equal(2, list.Count);
        Assert.Equal("s", Assert.IsType<HoconString>(list[1]).Value);
        Assert.Equal(1L, Assert.IsType<HoconNumber>(a["x"]).LongValue);
        Assert.Equal(["x", "y"], a.Select(field => field.Key));
    }

    [Fact]
    public void GetConfig_rejects_non_objects_and_missing_paths()
    {
        var config = TestConfig.Parse("a = 1");

        var wrong = Assert.Throws<ConfigWrongTypeException>(() => config.GetConfig("a"));
        Assert.Equal("object", wrong.ExpectedType);
        var missing = Assert.Throws<ConfigMissingException>(() => config.GetConfig("b.c"));
        Assert.Equal("b.c", missing.Path);
    }

    [Fact]
    public void HasPath_is_true_only_for_non_null_values()
    {
        var config = TestConfig.Parse("a { b = 1, n = null }");

        Assert.True(config.HasPath("a"));
        Assert.True(config.HasPath("a.b"));
        Assert.False(config.HasPath("a.n"));
        Assert.False(config.HasPath("a.missing"));
        Assert.False(config.HasPath("missing.deeper"));
        Assert.False(config.HasPath("a.n.deeper"));
        Assert.False(config.HasPath("a.b.deeper"));
        Assert.False(config.TryGetValue("a.b.deeper", out _));
    }

    [Fact]
    public void GetValue_and_TryGetValue_expose_raw_values_including_null()
    {
        var config = TestConfig.Parse("n = null\nv = 5");

        Assert.Same(HoconNull.Instance, config.GetValue("n"));
        Assert.True(config.TryGetValue("v", out var v));
        Assert.Equal("5", Assert.IsType<HoconNumber>(v).Text);
        Assert.False(config.TryGetValue("missing", out _));
        Assert.Throws<ConfigMissingException>(() => config.GetValue("missing"));
    }

    [Fact]
    public void Getter_paths_use_path_expression_syntax()
    {
        var config = TestConfig.Parse("\"a.b\" { \"c d\" = 1, \"\" = 2 }");

        Assert.Equal(1, config.GetInt("\"a.b\".\"c d\""));
        Assert.Equal(1, config.GetInt("\"a.b\".c d"));
        Assert.Equal(2, config.GetInt("\"a.b\".\"\""));
    }

    [Fact]
    public void Reading_through_a_non_object_is_a_wrong_type_error()
    {
        var error = Assert.Throws<ConfigWrongTypeException>(() => TestConfig.Parse("a { b = 1 }").GetString("a.b.c"));

        Assert.Equal("a.b", error.Path);
        Assert.Equal("object", error.ExpectedType);
        Assert.Equal("number 1", error.ActualValue);
    }
}

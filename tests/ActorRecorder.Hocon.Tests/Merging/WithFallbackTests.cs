using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Merging;

public sealed class WithFallbackTests
{
    private static Config Parse(string text) => ConfigurationFactory.ParseString(text, TestConfig.NoEnvironment);

    [Fact]
    public void Objects_merge_deeply_and_values_of_the_primary_win()
    {
        var user = Parse("akka { loglevel = DEBUG, actor { provider = cluster } }");
        var reference = Parse("akka { loglevel = INFO, stdout = WARNING, actor { provider = local, timeout = 5s } }");

        var merged = user.WithFallback(reference);

        Assert.Equal(
            """{"akka":{"loglevel":"DEBUG","stdout":"WARNING","actor":{"provider":"cluster","timeout":"5s"}}}""",
            TestConfig.ToJson(merged));
    }

    [Fact]
    public void Substitutions_resolve_across_the_merged_whole()
    {
        var user = Parse("app.name = orders\nlog-file = ${log-dir}/${app.name}.log");
        var reference = Parse("log-dir = /var/log\napp { name = default, banner = \"Starting \"${app.name} }");

        var merged = user.WithFallback(reference);

        Assert.Equal("/var/log/orders.log", merged.GetString("log-file"));
        Assert.Equal("Starting orders", merged.GetString("app.banner"));
    }

    [Fact]
    public void A_user_config_can_be_parsed_before_its_reference_is_known()
    {
        var user = Parse("timeout = ${defaults.timeout}");

        Assert.Throws<ConfigResolveException>(() => user.Resolve());
        Assert.Equal(TimeSpan.FromSeconds(3), user.WithFallback(Parse("defaults.timeout = 3s")).GetTimeSpan("timeout"));
    }

    [Fact]
    public void A_non_object_value_hides_fallback_objects_that_are_not_adjacent()
    {
        var merged = Parse("a { x = 1 }").WithFallback(Parse("a = 42")).WithFallback(Parse("a { y = 2 }"));
        var adjacent = Parse("a { x = 1 }").WithFallback(Parse("a { y = 2 }")).WithFallback(Parse("a = 42"));

        Assert.Equal("""{"a":{"x":1}}""", TestConfig.ToJson(merged));
        Assert.Equal("""{"a":{"y":2,"x":1}}""", TestConfig.ToJson(adjacent));
    }

    [Fact]
    public void Null_in_the_primary_clears_a_fallback_object()
    {
        Assert.Equal("""{"a":null}""", TestConfig.ToJson(Parse("a = null").WithFallback(Parse("a { x = 1 }"))));
    }

    [Fact]
    public void An_optional_override_keeps_the_fallback_value_when_undefined()
    {
        var merged = Parse("port = ${?UNSET_PORT_FOR_TESTS}").WithFallback(Parse("port = 8080"));

        Assert.Equal(8080, merged.GetInt("port"));
    }

    [Fact]
    public void A_resolved_config_keeps_its_own_resolution()
    {
        var resolved = Parse("a = 1\nb = ${a}").Resolve();

        Assert.Equal(1, resolved.WithFallback(Parse("a = 2")).GetInt("b"));
        Assert.Equal(2, Parse("b = ${a}").WithFallback(Parse("a = 2")).GetInt("b"));
    }

    [Fact]
    public void Empty_configs_are_neutral()
    {
        var config = Parse("a = 1");

        Assert.True(ConfigurationFactory.Empty.IsEmpty);
        Assert.Equal(1, config.WithFallback(ConfigurationFactory.Empty).GetInt("a"));
        Assert.Equal(1, ConfigurationFactory.Empty.WithFallback(config).GetInt("a"));
        Assert.False(config.IsEmpty);
    }

    [Fact]
    public void Merging_leaves_the_inputs_unchanged()
    {
        var user = Parse("a { x = 1 }");
        var reference = Parse("a { y = 2 }");

        _ = user.WithFallback(reference).Resolve();

        Assert.Equal("""{"a":{"x":1}}""", TestConfig.ToJson(user));
        Assert.Equal("""{"a":{"y":2}}""", TestConfig.ToJson(reference));
    }
}

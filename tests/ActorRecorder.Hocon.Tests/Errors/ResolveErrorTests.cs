using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Errors;

public sealed class ResolveErrorTests
{
    [Fact]
    public void An_undefined_substitution_names_its_position_path_and_field()
    {
        var config = ConfigurationFactory.ParseString("a = 1\nserver {\n  host = ${network.host}\n}", TestConfig.NoEnvironment, "app.conf");

        var error = Assert.Throws<ConfigResolveException>(() => config.GetString("server.host"));

        Assert.Equal("server.host", error.Path);
        Assert.StartsWith("app.conf:3:10: could not resolve substitution ${network.host} in 'server.host'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_error_is_reported_by_every_read()
    {
        var config = ConfigurationFactory.ParseString("a = ${nope}", TestConfig.NoEnvironment);

        var first = Assert.Throws<ConfigResolveException>(() => config.HasPath("b"));
        var second = Assert.Throws<ConfigResolveException>(() => config.ToJObject());

        Assert.Equal(first.Message, second.Message);
    }

    [Fact]
    public void Concatenating_incompatible_substituted_values_is_an_error_naming_the_field()
    {
        var error = Assert.Throws<ConfigResolveException>(() => TestConfig.Parse("o { x = 1 }\ns = text\nbad = ${o} ${s}"));

        Assert.Equal("bad", error.Path);
        Assert.Contains("test:3:7", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot concatenate an object with a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_long_substitution_chains_fail_cleanly_or_resolve()
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => $"k{i} = ${{k{i + 1}}}").Append("k20000 = end");
        var config = ConfigurationFactory.ParseString(string.Join('\n', lines), TestConfig.NoEnvironment);

        try
        {
            Assert.Equal("end", config.GetString("k0"));
        }
        catch (ConfigResolveException error)
        {
            Assert.Contains("too deeply", error.Message, StringComparison.Ordinal);
        }
    }
}

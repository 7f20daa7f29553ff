using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Substitutions;

public sealed class EnvironmentVariableTests
{
    [Fact]
    public void Missing_substitutions_fall_back_to_environment_variables_by_default()
    {
        WithVariable("from the environment", name =>
        {
            var config = ConfigurationFactory.ParseString($"a = ${{{name}}}\nb = ${{?{name}}}");

            Assert.Equal("from the environment", config.GetString("a"));
            Assert.Equal("from the environment", config.GetString("b"));
        });
    }

    [Fact]
    public void The_fallback_can_be_switched_off()
    {
        WithVariable("from the environment", name =>
        {
            var required = ConfigurationFactory.ParseString($"a = ${{{name}}}", TestConfig.NoEnvironment);
            var optional = ConfigurationFactory.ParseString($"a = ${{?{name}}}", TestConfig.NoEnvironment);

            var error = Assert.Throws<ConfigResolveException>(() => required.GetString("a"));
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
            Assert.False(optional.HasPath("a"));
        });
    }

    [Fact]
    public void The_fallback_can_be_switched_off_when_resolving()
    {
        WithVariable("x", name =>
        {
            var config = ConfigurationFactory.ParseString($"a = ${{?{name}}}");

            Assert.False(config.Resolve(useEnvironmentVariables: false).HasPath("a"));
            Assert.True(config.Resolve(useEnvironmentVariables: true).HasPath("a"));
        });
    }

    [Fact]
    public void Configuration_values_win_over_environment_variables()
    {
        WithVariable("from the environment", name =>
        {
            Assert.Equal("from config", ConfigurationFactory.ParseString($"{name} = \"from config\"\na = ${{{name}}}").GetString("a"));
        });
    }

    [Fact]
    public void A_null_in_the_configuration_blocks_the_environment()
    {
        WithVariable("from the environment", name =>
        {
            var config = ConfigurationFactory.ParseString($"{name} = null\na = ${{{name}}}");

            Assert.Equal(HoconValueType.Null, config.GetValue("a").Type);
        });
    }

    private static void WithVariable(string value, Action<string> test)
    {
        var name = "ACTORRECORDER_HOCON_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            test(name);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}

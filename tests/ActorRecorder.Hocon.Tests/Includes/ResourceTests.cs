using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Includes;

public sealed class ResourceTests
{
    private static readonly System.Reflection.Assembly TestAssembly = typeof(ResourceTests).Assembly;

    [Fact]
    public void An_embedded_resource_is_found_by_the_end_of_its_name()
    {
        var config = ConfigurationFactory.FromResource(TestAssembly, "reference-sample.conf", TestConfig.NoEnvironment);

        Assert.Equal("reference", config.GetString("sample.name"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("sample.timeout"));
    }

    [Fact]
    public void An_embedded_resource_is_found_by_its_full_manifest_name()
    {
        var config = ConfigurationFactory.FromResource(TestAssembly, "ActorRecorder.Hocon.Tests.Resources.reference-sample.conf");

        Assert.Equal("reference", config.GetString("sample.name"));
    }

    [Fact]
    public void Includes_inside_a_resource_load_adjacent_and_classpath_resources()
    {
        var config = ConfigurationFactory.FromResource(TestAssembly, "reference-sample.conf", TestConfig.NoEnvironment);

        Assert.True(config.GetBoolean("sample.from-adjacent"));
        Assert.Equal(9000, config.GetInt("sample.listeners.port"));
    }

    [Fact]
    public void Classpath_includes_use_the_configured_assembly_for_parsed_strings()
    {
        var options = TestConfig.NoEnvironment with { ResourceAssembly = TestAssembly };

        Assert.True(ConfigurationFactory.ParseString("include classpath(\"adjacent.conf\")", options).GetBoolean("from-adjacent"));
    }

    [Fact]
    public void A_missing_resource_is_an_error_naming_it()
    {
        var error = Assert.Throws<ConfigSourceException>(() => ConfigurationFactory.FromResource(TestAssembly, "no-such.conf"));

        Assert.Equal("no-such.conf", error.SourceName);
        Assert.Contains("no-such.conf", error.Message, StringComparison.Ordinal);
    }
}

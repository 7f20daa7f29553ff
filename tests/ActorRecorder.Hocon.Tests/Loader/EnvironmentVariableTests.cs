using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Loader;

/// <summary>
/// <c>${?VAR}</c> falls back to the environment; Akka 1.5.75's own parser reads no environment
/// variables and drops the rest of the document after such a line, which is why this loader exists.
/// </summary>
public sealed class EnvironmentVariableTests
{
    private const string Document = """
        server {
          host = localhost
          port = 8080
          port = ${?PORT_VARIABLE}
          timeout = 5s
        }
        after {
          list = [1, 2]
          "dotted.key" = kept
        }
        """;

    [Fact]
    public void An_optional_substitution_takes_the_environment_variable_and_the_rest_of_the_file_stays()
    {
        Loaded.WithVariable("9999", name =>
        {
            var config = HoconLoader.ParseString(Document.Replace("PORT_VARIABLE", name, StringComparison.Ordinal));

            Assert.Equal(9999, config.GetInt("server.port"));
            Assert.Equal("localhost", config.GetString("server.host"));
            Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("server.timeout"));
            Assert.Equal([1, 2], config.GetIntList("after.list"));
            Assert.Equal("kept", config.GetString("after.\"dotted.key\""));
        });
    }

    [Fact]
    public void An_optional_substitution_of_an_unset_variable_keeps_the_earlier_value_and_the_rest()
    {
        var config = HoconLoader.ParseString(Document.Replace("PORT_VARIABLE", Loaded.UnsetVariable(), StringComparison.Ordinal));

        Assert.Equal(8080, config.GetInt("server.port"));
        Assert.Equal([1, 2], config.GetIntList("after.list"));
    }

    [Fact]
    public void An_optional_substitution_of_an_unset_variable_leaves_the_key_absent()
    {
        var config = HoconLoader.ParseString($"a = 1\nport = ${{?{Loaded.UnsetVariable()}}}\nb = 2");

        Assert.False(config.HasPath("port"));
        Assert.Equal(["a", "b"], config.AsEnumerable().Select(pair => pair.Key));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void A_file_takes_the_environment_variable_too()
    {
        Loaded.WithVariable("db.internal", name =>
        {
            using var folder = new TempDirectory();
            var path = folder.Write("app.conf", $"db {{ host = ${{{name}}}, port = 5432 }}\nafter = true");

            var config = HoconLoader.ParseFile(path);

            Assert.Equal("db.internal", config.GetString("db.host"));
            Assert.Equal(5432, config.GetInt("db.port"));
            Assert.True(config.GetBoolean("after"));
        });
    }

    [Fact]
    public void The_environment_fallback_can_be_switched_off()
    {
        Loaded.WithVariable("from the environment", name =>
        {
            var config = HoconLoader.ParseString($"a = ${{?{name}}}\nb = 1", TestConfig.NoEnvironment);

            Assert.False(config.HasPath("a"));
            Assert.Equal(1, config.GetInt("b"));
        });
    }

    [Fact]
    public void Akka_own_parser_drops_the_rest_of_the_document_which_this_loader_keeps()
    {
        // Documents the Akka 1.5.75 behaviour the loader exists for; if Akka fixes it, this spec says so.
        var text = Document.Replace("PORT_VARIABLE", Loaded.UnsetVariable(), StringComparison.Ordinal);

        var akka = Akka.Configuration.ConfigurationFactory.ParseString(text);

        Assert.False(akka.HasPath("after.list"));
        Assert.True(HoconLoader.ParseString(text).HasPath("after.list"));
    }
}

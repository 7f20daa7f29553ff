using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Includes;

public sealed class PropertiesIncludeTests
{
    [Fact]
    public void Properties_syntax_is_read_into_a_tree_of_strings()
    {
        const string Properties = """
            # a comment
            ! another comment
               indented.key = indented value
            equals=1
            colon: 2
            space 3
            a.b.c=deep
            empty=
            tabbed	=	tab
            """;

        var json = TestConfig.ToJson(ParsePropertiesFile(Properties));

        Assert.Equal(
            """{"indented":{"key":"indented value"},"equals":"1","colon":"2","space":"3","a":{"b":{"c":"deep"}},"empty":"","tabbed":"tab"}""",
            json);
    }

    [Fact]
    public void Line_continuations_and_escapes_are_decoded()
    {
        const string Properties = "long = first \\\n      second\\\r\n   third\nescaped\\ key\\=x = tab\\there \\u00e9 \\\\ \\n\nkey\\:colon = v";

        var config = ParsePropertiesFile(Properties);

        Assert.Equal("first secondthird", config.GetString("long"));
        Assert.Equal("tab\there é \\ \n", config.GetString("\"escaped key=x\""));
        Assert.Equal("v", config.GetString("\"key:colon\""));
    }

    [Fact]
    public void Properties_values_convert_when_read_as_other_types()
    {
        var config = ParsePropertiesFile("count=42\nenabled=yes\ntimeout=5s");

        Assert.Equal(42, config.GetInt("count"));
        Assert.True(config.GetBoolean("enabled"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("timeout"));
    }

    [Fact]
    public void An_object_wins_over_a_string_at_the_same_key()
    {
        Assert.Equal("""{"a":{"b":"world"},"c":{"d":"x"}}""", TestConfig.ToJson(ParsePropertiesFile("a=hello\na.b=world\nc.d=x\nc=y")));
    }

    [Fact]
    public void Numbered_keys_read_as_a_list()
    {
        var config = ParsePropertiesFile("servers.1=b\nservers.0=a\nservers.10=c\nservers.name=ignored");

        Assert.Equal(["a", "b", "c"], config.GetStringList("servers"));
    }

    [Fact]
    public void A_bad_unicode_escape_is_an_error_with_its_position()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("bad.properties", "ok=1\nbad=\\u12x4");

        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseFile(file, TestConfig.NoEnvironment));

        Assert.Equal(2, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Equal("'x'", error.Found);
    }

    private static Config ParsePropertiesFile(string content)
    {
        using var folder = new TempDirectory();
        folder.Write("values.properties", content);
        var main = folder.Write("main.conf", "include required(\"values.properties\")");
        return ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment).Resolve();
    }
}

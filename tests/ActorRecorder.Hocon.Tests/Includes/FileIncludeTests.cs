using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Includes;

public sealed class FileIncludeTests
{
    [Fact]
    public void A_quoted_name_includes_a_file_beside_the_including_file()
    {
        using var folder = new TempDirectory();
        folder.Write("conf/other.conf", "b = 2\nshared { y = 2 }");
        var main = folder.Write("conf/main.conf", "a = 1\nshared { x = 1 }\ninclude \"other.conf\"\nc = 3");

        Assert.Equal("""{"a":1,"shared":{"x":1,"y":2},"b":2,"c":3}""", TestConfig.ToJson(ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment)));
    }

    [Fact]
    public void File_and_required_forms_include_files()
    {
        using var folder = new TempDirectory();
        folder.Write("one.conf", "one = 1");
        folder.Write("two.conf", "two = 2");
        folder.Write("three.conf", "three = 3");
        var main = folder.Write("main.conf", """
            include file("one.conf")
            include required(file("two.conf"))
            include required( "three.conf" )
            """);

        Assert.Equal("""{"one":1,"two":2,"three":3}""", TestConfig.ToJson(ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment)));
    }

    [Fact]
    public void Included_values_override_earlier_keys_and_later_keys_override_them()
    {
        using var folder = new TempDirectory();
        folder.Write("inc.conf", "a = included\nb = included");
        var main = folder.Write("main.conf", "a = before\ninclude \"inc.conf\"\nb = after");

        Assert.Equal("""{"a":"included","b":"after"}""", TestConfig.ToJson(ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment)));
    }

    [Fact]
    public void An_include_inside_an_object_nests_its_fields()
    {
        using var folder = new TempDirectory();
        folder.Write("listener.conf", "port = 80\nhost = localhost");
        var main = folder.Write("main.conf", "listeners { http { include \"listener.conf\"\nport = 8080 } }");

        Assert.Equal("""{"listeners":{"http":{"port":8080,"host":"localhost"}}}""",
            TestConfig.ToJson(ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment)));
    }

    [Fact]
    public void Substitutions_in_an_included_file_are_relative_to_the_include_point()
    {
        using var folder = new TempDirectory();
        folder.Write("foo.conf", "{ x : 10, y : ${x} }");
        var alone = folder.Write("alone.conf", "a : { include \"foo.conf\" }");
        var redefined = folder.Write("redefined.conf", "a : { include \"foo.conf\" }\na : { x : 42 }");

        Assert.Equal(10, ConfigurationFactory.ParseFile(alone, TestConfig.NoEnvironment).GetInt("a.y"));
        Assert.Equal(42, ConfigurationFactory.ParseFile(redefined, TestConfig.NoEnvironment).GetInt("a.y"));
    }

    [Fact]
    public void Substitutions_in_an_included_file_fall_back_to_paths_from_the_root()
    {
        using var folder = new TempDirectory();
        folder.Write("dispatcher.conf", "throughput = ${default-throughput}");
        var main = folder.Write("main.conf", "default-throughput = 5\nmy-dispatcher { include \"dispatcher.conf\" }");

        Assert.Equal(5, ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment).GetInt("my-dispatcher.throughput"));
    }

    [Fact]
    public void Plus_equals_in_an_included_file_appends_at_the_include_point()
    {
        using var folder = new TempDirectory();
        folder.Write("more.conf", "items += 2");
        var main = folder.Write("main.conf", "block { items = [1]\ninclude \"more.conf\" }");

        Assert.Equal([1, 2], ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment).GetIntList("block.items"));
    }

    [Fact]
    public void A_missing_optional_include_is_ignored()
    {
        using var folder = new TempDirectory();
        var main = folder.Write("main.conf", "a = 1\ninclude \"nope.conf\"\ninclude file(\"nope-either\")");

        Assert.Equal("""{"a":1}""", TestConfig.ToJson(ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment)));
    }

    [Fact]
    public void A_missing_required_include_is_an_error_naming_the_file()
    {
        using var folder = new TempDirectory();
        var main = folder.Write("main.conf", "a = 1\n  include required(\"nope.conf\")");

        var error = Assert.Throws<ConfigSourceException>(() => ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment));

        Assert.Equal("nope.conf", error.SourceName);
        Assert.Contains($"{main}:2:3", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder.Path, "nope.conf"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extensionless_include_merges_properties_json_and_conf_in_that_order()
    {
        using var folder = new TempDirectory();
        folder.Write("settings.properties", "all=properties\nprops-only=p\nfrom.props=1");
        folder.Write("settings.json", """{ "all": "json", "json-only": "j", "json-and-conf": "json" }""");
        folder.Write("settings.conf", "all = conf\nconf-only = c\njson-and-conf = conf");
        var main = folder.Write("main.conf", "include \"settings\"");

        Assert.Equal(
            """{"all":"conf","props-only":"p","from":{"props":"1"},"json-only":"j","json-and-conf":"conf","conf-only":"c"}""",
            TestConfig.ToJson(ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment)));
    }

    [Fact]
    public void An_extensionless_required_include_needs_at_least_one_variant()
    {
        using var folder = new TempDirectory();
        folder.Write("only.json", """{ "a": 1 }""");
        var found = folder.Write("found.conf", "include required(\"only\")");
        var missing = folder.Write("missing.conf", "include required(\"absent\")");

        Assert.Equal(1, ConfigurationFactory.ParseFile(found, TestConfig.NoEnvironment).GetInt("a"));
        var error = Assert.Throws<ConfigSourceException>(() => ConfigurationFactory.ParseFile(missing, TestConfig.NoEnvironment));
        Assert.Contains("absent.conf", error.Message, StringComparison.Ordinal);
        Assert.Contains("absent.properties", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_file_can_be_included()
    {
        using var folder = new TempDirectory();
        folder.Write("data.json", """{ "list": [1, 2], "nested": { "flag": true } }""");
        var main = folder.Write("main.conf", "include \"data.json\"");

        Assert.Equal("""{"list":[1,2],"nested":{"flag":true}}""", TestConfig.ToJson(ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment)));
    }

    [Fact]
    public void Includes_inside_included_files_resolve_against_their_own_folder()
    {
        using var folder = new TempDirectory();
        folder.Write("sub/inner.conf", "inner = true");
        folder.Write("sub/middle.conf", "include \"inner.conf\"\nmiddle = true");
        var main = folder.Write("main.conf", "include \"sub/middle.conf\"");

        Assert.Equal("""{"inner":true,"middle":true}""", TestConfig.ToJson(ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment)));
    }

    [Fact]
    public void Parsed_strings_resolve_includes_against_the_configured_base_directory()
    {
        using var folder = new TempDirectory();
        folder.Write("base.conf", "from-base = yes");
        var options = TestConfig.NoEnvironment with { IncludeBaseDirectory = folder.Path };

        Assert.True(ConfigurationFactory.ParseString("include \"base.conf\"", options).GetBoolean("from-base"));
    }

    [Fact]
    public void An_include_cycle_is_an_error()
    {
        using var folder = new TempDirectory();
        folder.Write("a.conf", "include required(\"b.conf\")");
        folder.Write("b.conf", "include required(\"a.conf\")");

        var error = Assert.Throws<ConfigSourceException>(() => ConfigurationFactory.ParseFile(Path.Combine(folder.Path, "a.conf"), TestConfig.NoEnvironment));

        Assert.Contains("Include cycle", error.Message, StringComparison.Ordinal);
        Assert.Contains("a.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_included_file_with_an_array_root_is_an_error()
    {
        using var folder = new TempDirectory();
        var included = folder.Write("list.json", "[1, 2]");
        var main = folder.Write("main.conf", "include \"list.json\"");

        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment));

        Assert.Equal(included, error.Origin);
        Assert.Equal("'['", error.Found);
    }

    [Fact]
    public void Url_includes_are_rejected_clearly()
    {
        var error = Assert.Throws<ConfigSourceException>(() => ConfigurationFactory.ParseString("include url(\"http://example.com/a.conf\")", "web"));

        Assert.Contains("web:1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_names_with_a_network_scheme_are_rejected_and_file_urls_are_read()
    {
        using var folder = new TempDirectory();
        var target = folder.Write("target.conf", "via-url = true");
        var fileUrl = new Uri(target).AbsoluteUri;

        Assert.Throws<ConfigSourceException>(() => ConfigurationFactory.ParseString("include \"https://example.com/a.conf\""));
        Assert.True(ConfigurationFactory.ParseString($"include \"{fileUrl}\"").GetBoolean("via-url"));
    }

    [Fact]
    public void Whitespace_and_newlines_may_separate_include_from_its_name()
    {
        using var folder = new TempDirectory();
        folder.Write("spaced.conf", "spaced = 1");
        var main = folder.Write("main.conf", "include\n    \"spaced.conf\"\ninclude required(\n  file( \"spaced.conf\" )\n)");

        Assert.Equal(1, ConfigurationFactory.ParseFile(main, TestConfig.NoEnvironment).GetInt("spaced"));
    }

    [Fact]
    public void Classpath_includes_need_an_assembly()
    {
        var error = Assert.Throws<ConfigSourceException>(() => ConfigurationFactory.ParseString("include classpath(\"x.conf\")"));

        Assert.Contains("HoconParseOptions.ResourceAssembly", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("include", "end of input")]
    [InlineData("include = 5", "'='")]
    [InlineData("include foo(\"x\")", "'foo('")]
    [InlineData("include file(\"x\"", "end of input")]
    public void Malformed_include_statements_are_parse_errors(string text, string found)
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString(text, "inc"));

        Assert.Equal(found, error.Found);
        Assert.Equal(1, error.Line);
    }
}

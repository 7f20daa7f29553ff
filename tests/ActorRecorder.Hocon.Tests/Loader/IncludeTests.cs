using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Loader;

public sealed class IncludeTests
{
    [Fact]
    public void Includes_resolve_relative_to_the_including_file()
    {
        using var folder = new TempDirectory();
        folder.Write("conf.d/common.conf", "shared { retries = 3 }");
        folder.Write("conf.d/db.conf", "include \"common.conf\"\ndb { host = db.local, retries = ${shared.retries} }");
        var app = folder.Write("etc/app/app.conf", "include \"../../conf.d/db.conf\"\napp { name = demo, db-host = ${db.host} }");

        var config = HoconLoader.ParseFile(app, TestConfig.NoEnvironment);

        Assert.Equal("db.local", config.GetString("app.db-host"));
        Assert.Equal(3, config.GetInt("db.retries"));
        Assert.Equal(3, config.GetInt("shared.retries"));
    }

    [Fact]
    public void An_include_inside_an_object_lands_under_that_object()
    {
        using var folder = new TempDirectory();
        folder.Write("listener.conf", "port = 9000\n\"a.b\" = dotted");
        var app = folder.Write("app.conf", "listeners { public { include file(\"listener.conf\") } }");

        var config = HoconLoader.ParseFile(app, TestConfig.NoEnvironment);

        Assert.Equal(9000, config.GetInt("listeners.public.port"));
        Assert.Equal("dotted", config.GetString("listeners.public.\"a.b\""));
    }

    [Fact]
    public void Includes_from_a_string_resolve_against_the_configured_base_directory()
    {
        using var folder = new TempDirectory();
        folder.Write("defaults.conf", "timeout = 2s");

        var config = HoconLoader.ParseString("include \"defaults.conf\"\nname = x", TestConfig.NoEnvironment with { IncludeBaseDirectory = folder.Path });

        Assert.Equal(TimeSpan.FromSeconds(2), config.GetTimeSpan("timeout"));
    }

    [Fact]
    public void A_missing_optional_include_is_ignored_and_a_missing_required_one_is_an_error()
    {
        using var folder = new TempDirectory();
        var optional = folder.Write("optional.conf", "include \"absent.conf\"\na = 1");
        var required = folder.Write("required.conf", "include required(\"absent.conf\")\na = 1");

        Assert.Equal(1, HoconLoader.ParseFile(optional).GetInt("a"));
        var error = Assert.Throws<ConfigSourceException>(() => HoconLoader.ParseFile(required));
        Assert.Contains("absent.conf", error.Message, StringComparison.Ordinal);
        Assert.Contains(":1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_and_properties_files_load_by_extension()
    {
        using var folder = new TempDirectory();
        var json = folder.Write("settings.json", "{ \"a\": { \"b.c\": [1, {\"d\": null}] } }");
        var properties = folder.Write("settings.properties", "x.y=1\nname=demo");

        var fromJson = HoconLoader.ParseFile(json);
        var fromProperties = HoconLoader.ParseFile(properties);

        Assert.Equal(1, fromJson.GetValue("a.\"b.c\"").GetArray()[0].GetInt());
        Assert.True(fromJson.GetValue("a.\"b.c\"").GetArray()[1].ToConfig().HasPath("d"));
        Assert.Equal("1", fromProperties.GetString("x.y"));
        Assert.Equal("demo", fromProperties.GetString("name"));
    }

    [Fact]
    public void Embedded_resources_load_with_their_includes()
    {
        var config = HoconLoader.FromResource(typeof(IncludeTests).Assembly, "reference-sample.conf");

        Assert.Equal("reference", config.GetString("sample.name"));
        Assert.True(config.GetBoolean("sample.from-adjacent"));
    }
}

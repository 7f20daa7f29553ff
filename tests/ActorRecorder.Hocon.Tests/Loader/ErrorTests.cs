using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Loader;

/// <summary>Every problem surfaces when loading, as the project's exceptions naming where it is.</summary>
public sealed class ErrorTests
{
    [Fact]
    public void A_missing_file_names_the_path()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "absent.conf");

        var error = Assert.Throws<ConfigSourceException>(() => HoconLoader.ParseFile(path));

        Assert.Equal(path, error.SourceName);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_the_file_line_and_column()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("app.conf", "a = 1\nserver {\n  port = 80 = 90\n}");

        var error = Assert.Throws<HoconParseException>(() => HoconLoader.ParseFile(path));

        Assert.Equal(path, error.Origin);
        Assert.Equal(3, error.Line);
        Assert.Equal(13, error.Column);
        Assert.StartsWith($"{path}:3:13: expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_in_an_included_file_names_that_file()
    {
        using var folder = new TempDirectory();
        var included = folder.Write("sub/broken.conf", "ok = 1\nbad = [1, 2");
        var path = folder.Write("app.conf", "include \"sub/broken.conf\"");

        var error = Assert.Throws<HoconParseException>(() => HoconLoader.ParseFile(path));

        Assert.Equal(included, error.Origin);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_syntax_error_in_a_string_names_the_origin_line_and_column()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconLoader.ParseString("a {\n b = }", TestConfig.NoEnvironment, "inline.conf"));

        Assert.Equal("inline.conf", error.Origin);
        Assert.Equal(2, error.Line);
        Assert.Equal(6, error.Column);
    }

    [Fact]
    public void An_unresolved_substitution_names_the_file_line_column_and_path()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("app.conf", "a = 1\nserver {\n  host = ${network.host}\n}");

        var error = Assert.Throws<ConfigResolveException>(() => HoconLoader.ParseFile(path, TestConfig.NoEnvironment));

        Assert.Equal("server.host", error.Path);
        Assert.StartsWith($"{path}:3:10: could not resolve substitution ${{network.host}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unset_environment_variable_in_a_required_substitution_is_an_error()
    {
        var name = Loaded.UnsetVariable();

        var error = Assert.Throws<ConfigResolveException>(() => HoconLoader.ParseString($"port = ${{{name}}}"));

        Assert.Equal("port", error.Path);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains("string:1:8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_substitution_cycle_is_an_error_naming_the_chain()
    {
        var error = Assert.Throws<ConfigResolveException>(() => Loaded.Parse("a = ${b}\nb = ${a}"));

        Assert.Contains("a -> b -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_resource_is_a_source_error()
    {
        var error = Assert.Throws<ConfigSourceException>(() => HoconLoader.FromResource(typeof(ErrorTests).Assembly, "no-such.conf"));

        Assert.Equal("no-such.conf", error.SourceName);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => HoconLoader.ParseString(null!));
        Assert.Throws<ArgumentNullException>(() => HoconLoader.ParseString("a = 1", null!));
        Assert.Throws<ArgumentNullException>(() => HoconLoader.ParseFile(null!));
        Assert.Throws<ArgumentNullException>(() => HoconLoader.FromResource(null!, "x"));
    }
}

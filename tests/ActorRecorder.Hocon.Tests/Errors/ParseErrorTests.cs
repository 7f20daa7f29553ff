using Xunit;

namespace ActorRecorder.Hocon.Tests.Errors;

public sealed class ParseErrorTests
{
    [Theory]
    [InlineData("a {\n  b = 1\n  c = [1, 2\n}", 4, 1, "a value or ']'", "'}'")]
    [InlineData("a {\n  b =\n}", 3, 1, "a value", "'}'")]
    [InlineData("a = 1\nb = \nc = 2", 3, 3, "',' or newline", "'='")]
    [InlineData("a {\n  b = 1\n", 3, 1, "'}'", "end of input")]
    [InlineData("a = 1 }", 1, 7, "a key or end of input (this '}' has no matching '{')", "'}'")]
    [InlineData("[1, 2]", 1, 1, "an object at the root (a configuration cannot be an array)", "'['")]
    [InlineData("{ a = 1 } b = 2", 1, 11, "end of input after the closing '}' of the root object", "'b'")]
    [InlineData("a = [1,,2]", 1, 8, "a value or ']'", "','")]
    [InlineData("a = [,1]", 1, 6, "a value or ']'", "','")]
    [InlineData("{ a = 1,, b = 2 }", 1, 9, "a key", "','")]
    [InlineData("a\nb = 1", 2, 1, "':', '=', '+=' or '{' after the key 'a'", "'b'")]
    [InlineData("a = 1 b = 2", 1, 9, "',' or newline", "'='")]
    [InlineData("a = $x", 1, 6, "'{' after '$'", "'x'")]
    [InlineData("a = ${b", 1, 8, "a path expression and a closing '}' in the substitution", "end of input")]
    [InlineData("a = ${}", 1, 5, "a path inside '${ }'", "a path expression is empty")]
    [InlineData("a = ${b.[c]}", 1, 9, "a path expression and a closing '}' in the substitution", "'['")]
    [InlineData("a = \"open", 1, 10, "a closing '\"'", "end of input")]
    [InlineData("${a} = 1", 1, 1, "a key", "'${'")]
    [InlineData("a = [1] = 2", 1, 9, "',' or newline", "'='")]
    public void Syntax_errors_report_origin_line_column_expected_and_found(string text, int line, int column, string expected, string found)
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString(text, "origin"));

        Assert.Equal("origin", error.Origin);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(expected, error.Expected);
        Assert.Equal(found, error.Found);
        Assert.StartsWith($"origin:{line}:{column}: expected {expected} but found {found}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_points_at_line_and_column_in_the_named_origin()
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString("a = 1\nb = 2\nc { d = [1, 2], e }", "origin"));

        Assert.Contains("origin:3:19", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsed_strings_default_to_the_origin_string()
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString("a = ]"));

        Assert.StartsWith("string:1:5:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_are_named_by_their_full_path()
    {
        using var folder = new Support.TempDirectory();
        var file = folder.Write("broken.conf", "ok = 1\nbroken = {");

        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseFile(file));

        Assert.Equal(file, error.Origin);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Absurdly_deep_nesting_is_rejected_instead_of_overflowing_the_stack()
    {
        var text = "a = " + new string('[', 100_000);

        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString(text, "deep"));

        Assert.Contains("levels of nesting", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurdly_long_path_keys_are_rejected()
    {
        var text = string.Join('.', Enumerable.Repeat("k", 10_000)) + " = 1";

        Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString(text));
    }
}

using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Syntax;

public sealed class QuotedStringTests
{
    [Fact]
    public void Json_escapes_are_decoded()
    {
        var value = TestConfig.Parse("""a = "q\" b\\ s\/ \b\f\n\r\t \u00e9\u20AC" """).GetString("a");

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t é€", value);
    }

    [Fact]
    public void An_unknown_escape_is_an_error_at_the_backslash()
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString("a = \"x\\qy\"", "text"));

        Assert.Equal(1, error.Line);
        Assert.Equal(7, error.Column);
        Assert.Equal("'\\q'", error.Found);
    }

    [Fact]
    public void A_quoted_string_cannot_span_lines()
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString("a = \"abc\ndef\"", "text"));

        Assert.Equal(1, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Equal("newline", error.Found);
    }

    [Fact]
    public void Triple_quoted_strings_keep_newlines_and_do_not_interpret_escapes()
    {
        var value = TestConfig.Parse("a = \"\"\"line one\n  line \\n two\"\"\"").GetString("a");

        Assert.Equal("line one\n  line \\n two", value);
    }

    [Theory]
    [InlineData("\"\"\"hello\"\"\"\"", "hello\"")]
    [InlineData("\"\"\"hello\"\"\"\"\"", "hello\"\"")]
    [InlineData("\"\"\"\"hello\"\"\"", "\"hello")]
    [InlineData("\"\"\"\"\"\"", "")]
    [InlineData("\"\"\"foo\"\"bar\"\"\"", "foo\"\"bar")]
    public void Extra_quotes_before_the_closing_triple_quote_belong_to_the_string(string written, string expected)
    {
        Assert.Equal(expected, TestConfig.Parse("a = " + written).GetString("a"));
    }

    [Fact]
    public void Lines_after_a_multi_line_string_are_counted_for_errors()
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString("a = \"\"\"x\ny\nz\"\"\"\nb = ]", "text"));

        Assert.Equal(4, error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void An_unterminated_triple_quoted_string_is_an_error()
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString("a = \"\"\"never closed\n", "text"));

        Assert.Equal("end of input", error.Found);
        Assert.Contains("'\"\"\"'", error.Expected, StringComparison.Ordinal);
    }
}

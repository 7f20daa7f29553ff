using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Syntax;

public sealed class UnquotedStringTests
{
    [Fact]
    public void Unquoted_text_is_a_string_value()
    {
        var config = TestConfig.Parse("level = INFO\npath = /var/log/app.log\nname = héllo-wörld_1");

        Assert.Equal("INFO", config.GetString("level"));
        Assert.Equal("/var/log/app.log", config.GetString("path"));
        Assert.Equal("héllo-wörld_1", config.GetString("name"));
        Assert.Equal(HoconValueType.String, config.GetValue("level").Type);
    }

    [Theory]
    [InlineData("truefoo", "truefoo")]
    [InlineData("footrue", "footrue")]
    [InlineData("10.0bar", "10.0bar")]
    [InlineData("bar10.0", "bar10.0")]
    [InlineData("10s", "10s")]
    [InlineData("-Xmx1g", "-Xmx1g")]
    [InlineData("1.2.3", "1.2.3")]
    public void Text_glued_to_keywords_or_numbers_reads_as_one_string(string written, string expected)
    {
        var value = TestConfig.Parse("a = " + written).GetValue("a");

        Assert.Equal(HoconValueType.String, value.Type);
        Assert.Equal(expected, ((HoconString)value).Value);
    }

    [Theory]
    [InlineData('`')]
    [InlineData('^')]
    [InlineData('?')]
    [InlineData('!')]
    [InlineData('@')]
    [InlineData('*')]
    [InlineData('&')]
    [InlineData('\\')]
    public void Reserved_characters_are_rejected_outside_quotes(char reserved)
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString($"a = foo{reserved}bar", "text"));

        Assert.Equal(1, error.Line);
        Assert.Equal(8, error.Column);
        Assert.Contains($"reserved character '{reserved}'", error.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserved_characters_are_fine_inside_quotes()
    {
        Assert.Equal("""{"a":"`^?!@*&\\$"}""", TestConfig.Json("""a = "`^?!@*&\\$" """));
    }

    [Fact]
    public void A_lone_plus_is_rejected()
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString("a = 1+2", "text"));

        Assert.Equal("'=' after '+'", error.Expected);
        Assert.Equal("'2'", error.Found);
        Assert.Equal(7, error.Column);
    }
}

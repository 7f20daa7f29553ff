using ActorRecorder.Hocon.Tests.Support;
using Xunit;
using AkkaLiteral = Akka.Configuration.Hocon.HoconLiteral;

namespace ActorRecorder.Hocon.Tests.Loader;

/// <summary>Scalars become single Akka literals holding their exact text.</summary>
public sealed class ScalarTests
{
    [Fact]
    public void Null_is_kept_as_the_null_literal_Akka_itself_uses()
    {
        var config = Loaded.Parse("n = null\nafter = 1");

        Assert.True(config.HasPath("n"));
        Assert.Null(config.GetString("n"));
        Assert.Null(config.GetString("n", "default"));
        Assert.Equal("null", Assert.IsType<AkkaLiteral>(Assert.Single(config.GetValue("n").Values)).Value);
        Assert.Equal(1, config.GetInt("after"));
    }

    [Fact]
    public void Booleans_read_through_GetBoolean()
    {
        var config = Loaded.Parse("t = true\nf = false\non = on\noff = off");

        Assert.True(config.GetBoolean("t"));
        Assert.False(config.GetBoolean("f", true));
        Assert.True(config.GetBoolean("on"));
        Assert.False(config.GetBoolean("off", true));
        Assert.Equal("true", Loaded.Literal(config, "t"));
    }

    [Fact]
    public void Numbers_keep_the_text_they_were_written_with()
    {
        var config = Loaded.Parse("i = 42\nneg = -7\nl = 9223372036854775807\nd = 3.14\ne = 1e3\nz = 10.0\nbig = 123456789012345678901234567890");

        Assert.Equal(42, config.GetInt("i"));
        Assert.Equal(-7, config.GetInt("neg"));
        Assert.Equal(long.MaxValue, config.GetLong("l"));
        Assert.Equal(3.14, config.GetDouble("d"));
        Assert.Equal(3.14m, config.GetDecimal("d"));
        Assert.Equal(1000.0, config.GetDouble("e"));
        Assert.Equal("1e3", Loaded.Literal(config, "e"));
        Assert.Equal("10.0", Loaded.Literal(config, "z"));
        Assert.Equal("123456789012345678901234567890", config.GetString("big"));
        Assert.Equal(1.2345678901234568E+29, config.GetDouble("big"));
    }

    [Fact]
    public void Strings_keep_quotes_backslashes_newlines_and_substitution_syntax()
    {
        var config = Loaded.Parse("s = \"say \\\"hi\\\" to C:\\\\temp\\\\new\\nline ${not.a.sub} ${?nor.this} \\t tab \\u00e9 \u4e2d\"");

        const string Expected = "say \"hi\" to C:\\temp\\new\nline ${not.a.sub} ${?nor.this} \t tab \u00e9 \u4e2d";
        Assert.Equal(Expected, config.GetString("s"));
        Assert.Equal(Expected, Loaded.Literal(config, "s"));
    }

    [Fact]
    public void Triple_quoted_strings_arrive_verbatim()
    {
        var config = Loaded.Parse("s = \"\"\"C:\\path\\n \"quoted\" ${x}\n  second line\"\"\"");

        Assert.Equal("C:\\path\\n \"quoted\" ${x}\n  second line", config.GetString("s"));
    }

    [Fact]
    public void Concatenations_and_self_references_arrive_resolved()
    {
        var config = Loaded.Parse("base = /usr\npath = ${base}/bin\npath = ${path}\":/opt/bin\"\ngreeting = hello   world");

        Assert.Equal("/usr/bin:/opt/bin", config.GetString("path"));
        Assert.Equal("hello   world", config.GetString("greeting"));
    }

    [Fact]
    public void Surrounding_whitespace_is_kept_in_the_model_although_Akka_GetString_trims_it()
    {
        var config = Loaded.Parse("s = \"  padded \\n\"\nword = \"null\"\nempty = \"\"");

        Assert.Equal("  padded \n", Loaded.Literal(config, "s"));
        Assert.Equal("padded", config.GetString("s"));
        Assert.Equal("null", Loaded.Literal(config, "word"));
        Assert.Null(config.GetString("word"));
        Assert.Equal(string.Empty, config.GetString("empty"));
        Assert.True(config.HasPath("empty"));
    }

    [Fact]
    public void Values_are_single_literals_even_when_written_as_concatenations()
    {
        var config = Loaded.Parse("a = foo \"bar\" 42 true");

        var element = Assert.Single(config.GetValue("a").Values);
        Assert.Equal("foo bar 42 true", Assert.IsType<AkkaLiteral>(element).Value);
    }
}

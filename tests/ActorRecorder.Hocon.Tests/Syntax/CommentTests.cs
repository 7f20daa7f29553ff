using ActorRecorder.Hocon.Tests.Support;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Syntax;

public sealed class CommentTests
{
    [Fact]
    public void Hash_and_double_slash_comments_are_ignored_to_the_end_of_the_line()
    {
        const string Text = """
            # a hash comment
            a = 1 # after a value
            // a slash comment
            b = 2 // after a value
            c { // after an opening brace
              d = 3 ## double hash
            }
            """;

        Assert.Equal("""{"a":1,"b":2,"c":{"d":3}}""", TestConfig.Json(Text));
    }

    [Fact]
    public void Comment_markers_inside_quoted_strings_are_text()
    {
        Assert.Equal("""{"url":"http://example.com/#top"}""", TestConfig.Json("url = \"http://example.com/#top\""));
    }

    [Fact]
    public void Double_slash_ends_an_unquoted_string_but_a_single_slash_does_not()
    {
        Assert.Equal("""{"a":"x/y","b":"foo"}""", TestConfig.Json("a = x/y\nb = foo//bar"));
    }

    [Fact]
    public void A_comment_still_ends_the_field_with_its_newline()
    {
        Assert.Equal("""{"a":1,"b":2}""", TestConfig.Json("a = 1 // one\nb = 2"));
    }
}

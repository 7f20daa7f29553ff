using ActorRecorder.Hocon.Includes;

namespace ActorRecorder.Hocon.Parsing;

/// <summary>
/// Reads what follows the keyword <c>include</c>: a quoted name, or one wrapped in
/// <c>file(...)</c>, <c>classpath(...)</c> or <c>url(...)</c>, optionally inside
/// <c>required(...)</c>, with whitespace allowed around the parentheses.
/// </summary>
internal static class IncludeStatementReader
{
    private const string Expected = "a quoted name, file(\"...\"), classpath(\"...\"), url(\"...\") or required(...) after include";

    public static IncludeStatement Read(TokenStream tokens, Token includeToken)
    {
        tokens.SkipBlankLines();
        var first = tokens.Peek();

        // Parentheses are ordinary characters of unquoted text, so "required(file(" arrives as
        // text pieces around the quoted name; they are collected and checked as a whole.
        var opening = string.Empty;
        var closing = string.Empty;
        string? name = null;
        while (true)
        {
            var token = tokens.Peek();
            var insideParentheses = opening.Length > 0 && CountParentheses(closing) < CountParentheses(opening);
            if (token.Kind == TokenKind.Whitespace || (token.Kind == TokenKind.Newline && insideParentheses))
            {
                tokens.Next();
            }
            else if (token.Kind == TokenKind.UnquotedText)
            {
                tokens.Next();
                if (name is null)
                {
                    opening += token.Text;
                }
                else
                {
                    closing += token.Text;
                }
            }
            else if (token.Kind == TokenKind.QuotedString && name is null)
            {
                tokens.Next();
                name = token.Text;
                if (opening.Length == 0)
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        if (name is null)
        {
            throw tokens.Error(tokens.Peek(), Expected);
        }

        var required = opening.StartsWith("required(", StringComparison.Ordinal);
        IncludeKind? kind = (required ? opening["required(".Length..] : opening) switch
        {
            "" => IncludeKind.Adjacent,
            "file(" => IncludeKind.File,
            "classpath(" => IncludeKind.Classpath,
            "url(" => IncludeKind.Url,
            _ => null,
        };
        if (kind is null)
        {
            throw tokens.Error(first, Expected);
        }

        var expectedClosing = new string(')', CountParentheses(opening));
        if (closing != expectedClosing)
        {
            throw tokens.Error(first, $"'{expectedClosing}' to close the include",
                closing.Length == 0 ? tokens.Peek().Describe() : $"'{closing}'");
        }

        return new IncludeStatement(kind.Value, name, required, tokens.PositionOf(includeToken));
    }

    private static int CountParentheses(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is '(' or ')')
            {
                count++;
            }
        }

        return count;
    }
}

namespace ActorRecorder.Hocon.Parsing;

/// <summary>The lexer's tokens with one token of look-ahead, plus the skips the grammar needs.</summary>
internal sealed class TokenStream(Lexer lexer)
{
    private Token _peeked;
    private bool _hasPeeked;

    public string Origin => lexer.Origin;

    public Token Peek()
    {
        if (!_hasPeeked)
        {
            _peeked = lexer.Next();
            _hasPeeked = true;
        }

        return _peeked;
    }

    public Token Next()
    {
        if (_hasPeeked)
        {
            _hasPeeked = false;
            return _peeked;
        }

        return lexer.Next();
    }

    /// <summary>Skips spaces and tabs, but not newlines, which separate fields.</summary>
    public void SkipWhitespace()
    {
        while (Peek().Kind == TokenKind.Whitespace)
        {
            Next();
        }
    }

    /// <summary>Skips whitespace and newlines (and therefore comments).</summary>
    public void SkipBlankLines()
    {
        while (Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            Next();
        }
    }

    public string TextOf(in Token token) => lexer.TextOf(token);

    public SourcePosition PositionOf(in Token token) => new(lexer.Origin, token.Line, token.Column);

    public HoconParseException Error(in Token token, string expected) => lexer.Error(token, expected);

    public HoconParseException Error(in Token token, string expected, string found) => lexer.Error(token, expected, found);
}

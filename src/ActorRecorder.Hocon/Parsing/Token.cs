namespace ActorRecorder.Hocon.Parsing;

/// <summary>
/// One lexical token. <see cref="Text"/> holds the decoded text of strings, unquoted text and
/// numbers; for whitespace it is null until asked for, because most whitespace is thrown away.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string? Text, int Start, int Length, int Line, int Column)
{
    /// <summary>True for tokens that may appear in a path expression (keys and substitutions).</summary>
    public bool IsPathPiece => Kind is TokenKind.UnquotedText or TokenKind.QuotedString or TokenKind.Number
        or TokenKind.True or TokenKind.False or TokenKind.Null;

    /// <summary>True for tokens that begin a value.</summary>
    public bool StartsValue => IsPathPiece || Kind is TokenKind.SubstitutionStart or TokenKind.OptionalSubstitutionStart
        or TokenKind.OpenBrace or TokenKind.OpenBracket;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Newline => "newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.OpenBrace => "'{'",
        TokenKind.CloseBrace => "'}'",
        TokenKind.OpenBracket => "'['",
        TokenKind.CloseBracket => "']'",
        TokenKind.Comma => "','",
        TokenKind.Colon => "':'",
        TokenKind.EqualsSign => "'='",
        TokenKind.PlusEquals => "'+='",
        TokenKind.QuotedString => "quoted string " + Quote(Text),
        TokenKind.UnquotedText => "'" + Shorten(Text) + "'",
        TokenKind.Number => "number " + Text,
        TokenKind.True => "'true'",
        TokenKind.False => "'false'",
        TokenKind.Null => "'null'",
        TokenKind.SubstitutionStart => "'${'",
        TokenKind.OptionalSubstitutionStart => "'${?'",
        _ => Kind.ToString(),
    };

    private static string Quote(string? text) => "\"" + Shorten(text) + "\"";

    private static string Shorten(string? text)
    {
        const int Limit = 40;
        text ??= string.Empty;
        return text.Length <= Limit ? text : string.Concat(text.AsSpan(0, Limit), "...");
    }
}

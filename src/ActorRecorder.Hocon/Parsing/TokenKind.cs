namespace ActorRecorder.Hocon.Parsing;

/// <summary>The kinds of token the lexer produces. Comments never become tokens.</summary>
internal enum TokenKind
{
    End,
    Newline,
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    EqualsSign,
    PlusEquals,
    QuotedString,
    UnquotedText,
    Number,
    True,
    False,
    Null,
    SubstitutionStart,
    OptionalSubstitutionStart,
}

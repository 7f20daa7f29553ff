using System.Text;

namespace ActorRecorder.Hocon.Parsing;

/// <summary>
/// Turns HOCON text into tokens on demand. Comments are skipped here; the newline that ends a
/// comment is still reported because newlines separate fields and array elements.
/// </summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly string _origin;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private StringBuilder? _scratch;

    public Lexer(string text, string origin)
    {
        _text = text;
        _origin = origin;
    }

    public string Origin => _origin;

    /// <summary>The raw source text of a token (used for whitespace, which is kept lazily).</summary>
    public string TextOf(in Token token) => token.Text ?? _text.Substring(token.Start, token.Length);

    public Token Next()
    {
        while (true)
        {
            if (_position >= _text.Length)
            {
                return Make(TokenKind.End, null, _position, 0, Column(_position));
            }

            var c = _text[_position];
            if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                SkipComment();
                continue;
            }

            return c switch
            {
                '\n' => ReadNewline(),
                '{' => Single(TokenKind.OpenBrace),
                '}' => Single(TokenKind.CloseBrace),
                '[' => Single(TokenKind.OpenBracket),
                ']' => Single(TokenKind.CloseBracket),
                ',' => Single(TokenKind.Comma),
                ':' => Single(TokenKind.Colon),
                '=' => Single(TokenKind.EqualsSign),
                '+' => ReadPlusEquals(),
                '"' => Peek(1) == '"' && Peek(2) == '"' ? ReadTripleQuoted() : ReadQuoted(),
                '$' => ReadSubstitutionStart(),
                _ when CharacterClasses.IsWhitespace(c) => ReadWhitespace(),
                _ when CharacterClasses.IsReserved(c) => throw Error(_position, "a character that is allowed outside quotes", $"reserved character '{c}'"),
                _ when c == '-' || CharacterClasses.IsAsciiDigit(c) => ReadNumberOrUnquoted(),
                _ => ReadUnquoted(),
            };
        }
    }

    public HoconParseException Error(int position, string expected, string found)
        => new(_origin, _line, Column(position), expected, found);

    public HoconParseException Error(in Token token, string expected)
        => new(_origin, token.Line, token.Column, expected, token.Describe());

    public HoconParseException Error(in Token token, string expected, string found)
        => new(_origin, token.Line, token.Column, expected, found);

    private int Column(int position) => position - _lineStart + 1;

    private char Peek(int offset)
    {
        var index = _position + offset;
        return index < _text.Length ? _text[index] : '\0';
    }

    private Token Make(TokenKind kind, string? text, int start, int length, int column)
        => new(kind, text, start, length, _line, column);

    private Token Single(TokenKind kind)
    {
        var start = _position++;
        return Make(kind, null, start, 1, Column(start));
    }

    private void SkipComment()
    {
        var end = _text.IndexOf('\n', _position);
        _position = end < 0 ? _text.Length : end;
    }

    private Token ReadNewline()
    {
        var token = Make(TokenKind.Newline, null, _position, 1, Column(_position));
        _position++;
        _line++;
        _lineStart = _position;
        return token;
    }

    private Token ReadWhitespace()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] != '\n' && CharacterClasses.IsWhitespace(_text[_position]))
        {
            _position++;
        }

        return Make(TokenKind.Whitespace, null, start, _position - start, Column(start));
    }

    private Token ReadPlusEquals()
    {
        if (Peek(1) != '=')
        {
            throw Error(_position + 1, "'=' after '+'", DescribeChar(_position + 1));
        }

        var start = _position;
        _position += 2;
        return Make(TokenKind.PlusEquals, null, start, 2, Column(start));
    }

    private Token ReadSubstitutionStart()
    {
        if (Peek(1) != '{')
        {
            throw Error(_position + 1, "'{' after '$'", DescribeChar(_position + 1));
        }

        var start = _position;
        var optional = Peek(2) == '?';
        _position += optional ? 3 : 2;
        var kind = optional ? TokenKind.OptionalSubstitutionStart : TokenKind.SubstitutionStart;
        return Make(kind, null, start, _position - start, Column(start));
    }

    private Token ReadQuoted()
    {
        var start = _position;
        var column = Column(start);
        _position++;
        var segmentStart = _position;
        StringBuilder? builder = null;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error(_position, "a closing '\"'", "end of input");
            }

            var c = _text[_position];
            if (c == '"')
            {
                string value;
                if (builder is null)
                {
                    value = _text[segmentStart.._position];
                }
                else
                {
                    builder.Append(_text, segmentStart, _position - segmentStart);
                    value = builder.ToString();
                }

                _position++;
                return Make(TokenKind.QuotedString, value, start, _position - start, column);
            }

            if (c == '\n')
            {
                // JSON strings cannot span lines; """ strings exist for that.
                throw Error(_position, "a closing '\"' before the end of the line", "newline");
            }

            if (c == '\\')
            {
                builder ??= Scratch();
                builder.Append(_text, segmentStart, _position - segmentStart);
                builder.Append(ReadEscape());
                segmentStart = _position;
                continue;
            }

            _position++;
        }
    }

    private char ReadEscape()
    {
        var escapeStart = _position;
        var code = Peek(1);
        _position += 2;
        switch (code)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                var value = 0;
                for (var i = 0; i < 4; i++)
                {
                    var digit = HexValue(Peek(0));
                    if (digit < 0)
                    {
                        throw Error(_position, "four hexadecimal digits after '\\u'", DescribeChar(_position));
                    }

                    value = (value * 16) + digit;
                    _position++;
                }

                return (char)value;
            default:
                throw Error(escapeStart, "an escape sequence (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)",
                    escapeStart + 1 < _text.Length ? $"'\\{code}'" : "end of input");
        }
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private Token ReadTripleQuoted()
    {
        var start = _position;
        var column = Column(start);
        var line = _line;
        _position += 3;
        var contentStart = _position;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '"')
            {
                var runStart = _position;
                while (_position < _text.Length && _text[_position] == '"')
                {
                    _position++;
                }

                var run = _position - runStart;
                if (run >= 3)
                {
                    // The last three quotes close the string; any extra ones belong to it.
                    var value = _text[contentStart..(runStart + run - 3)];
                    return new Token(TokenKind.QuotedString, value, start, _position - start, line, column);
                }

                continue;
            }

            if (c == '\n')
            {
                _line++;
                _lineStart = _position + 1;
            }

            _position++;
        }

        throw Error(_position, "a closing '\"\"\"'", "end of input");
    }

    private Token ReadNumberOrUnquoted()
    {
        var start = _position;
        var index = start;
        if (_text[index] == '-')
        {
            index++;
        }

        if (index >= _text.Length || !CharacterClasses.IsAsciiDigit(_text[index]))
        {
            // A lone '-' or '-foo' cannot be a number; treat it as text rather than failing.
            return ReadUnquoted();
        }

        if (_text[index] == '0')
        {
            index++;
        }
        else
        {
            index = SkipDigits(index);
        }

        if (index + 1 < _text.Length && _text[index] == '.' && CharacterClasses.IsAsciiDigit(_text[index + 1]))
        {
            index = SkipDigits(index + 1);
        }

        if (index < _text.Length && (_text[index] == 'e' || _text[index] == 'E'))
        {
            var exponent = index + 1;
            if (exponent < _text.Length && (_text[exponent] == '+' || _text[exponent] == '-'))
            {
                exponent++;
            }

            if (exponent < _text.Length && CharacterClasses.IsAsciiDigit(_text[exponent]))
            {
                index = SkipDigits(exponent);
            }
        }

        // Anything glued to the number (as in 10s or 1.2.3) is lexed as following text, so
        // concatenation and path expressions see the number exactly as written.
        _position = index;
        return Make(TokenKind.Number, _text[start..index], start, index - start, Column(start));
    }

    private int SkipDigits(int index)
    {
        while (index < _text.Length && CharacterClasses.IsAsciiDigit(_text[index]))
        {
            index++;
        }

        return index;
    }

    private Token ReadUnquoted()
    {
        var start = _position;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (CharacterClasses.IsWhitespace(c) || CharacterClasses.IsForbiddenInUnquoted(c)
                || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            _position++;
        }

        var length = _position - start;
        var span = _text.AsSpan(start, length);
        var kind = span switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            _ => TokenKind.UnquotedText,
        };
        var text = kind switch
        {
            TokenKind.True => "true",
            TokenKind.False => "false",
            TokenKind.Null => "null",
            _ => _text.Substring(start, length),
        };
        return Make(kind, text, start, length, Column(start));
    }

    private string DescribeChar(int position)
    {
        if (position >= _text.Length)
        {
            return "end of input";
        }

        var c = _text[position];
        return c == '\n' ? "newline" : $"'{c}'";
    }

    private StringBuilder Scratch()
    {
        _scratch ??= new StringBuilder();
        _scratch.Clear();
        return _scratch;
    }
}

using ActorRecorder.Hocon.Concatenation;
using ActorRecorder.Hocon.Merging;
using ActorRecorder.Hocon.Paths;
using ActorRecorder.Hocon.Unresolved;

namespace ActorRecorder.Hocon.Parsing;

/// <summary>
/// Recursive-descent parser from tokens to an unresolved tree. Duplicate keys, path keys and
/// includes are merged as they are met; substitutions stay in the tree for the resolver.
/// </summary>
internal sealed class Parser
{
    /// <summary>
    /// Deepest nesting accepted, counting each key element and each object or array level
    /// (so an object nests two levels per level of braces). Real configuration is far
    /// shallower; the limit keeps hostile input from exhausting the stack.
    /// </summary>
    public const int MaxNestingDepth = 512;

    // Parts of a concatenation being parsed belong to the parser, so merging may reuse them.
    private static readonly Func<HoconValue, HoconValue, HoconValue> MergeOwned = ValueMerger.MergeInPlace;

    private readonly TokenStream _tokens;
    private readonly ParseContext _context;
    private readonly List<string> _path;
    private readonly PathExpressionBuilder _pathBuilder = new();
    private int _depth;

    private Parser(string text, ParseContext context)
    {
        _tokens = new TokenStream(new Lexer(text, context.Origin));
        _context = context;
        _path = [.. context.IncludePrefix];
    }

    /// <summary>Parses a whole document, whose root must be an object (braces optional).</summary>
    public static HoconObject ParseDocument(string text, ParseContext context) => new Parser(text, context).ParseRoot();

    private HoconObject ParseRoot()
    {
        _tokens.SkipBlankLines();
        var first = _tokens.Peek();
        var root = new HoconObject();
        switch (first.Kind)
        {
            case TokenKind.OpenBrace:
                _tokens.Next();
                ParseObjectBody(root, braced: true);
                _tokens.SkipBlankLines();
                var trailing = _tokens.Peek();
                if (trailing.Kind != TokenKind.End)
                {
                    throw _tokens.Error(trailing, "end of input after the closing '}' of the root object");
                }

                break;
            case TokenKind.OpenBracket:
                throw _tokens.Error(first, "an object at the root (a configuration cannot be an array)");
            default:
                ParseObjectBody(root, braced: false);
                break;
        }

        return root;
    }

    private void ParseObjectBody(HoconObject target, bool braced)
    {
        while (true)
        {
            _tokens.SkipBlankLines();
            var token = _tokens.Peek();
            if (token.Kind == TokenKind.CloseBrace)
            {
                if (!braced)
                {
                    throw _tokens.Error(token, "a key or end of input (this '}' has no matching '{')");
                }

                _tokens.Next();
                return;
            }

            if (token.Kind == TokenKind.End)
            {
                if (braced)
                {
                    throw _tokens.Error(token, "'}'");
                }

                return;
            }

            ParseFieldOrInclude(target);

            _tokens.SkipWhitespace();
            var separator = _tokens.Peek();
            switch (separator.Kind)
            {
                case TokenKind.Comma:
                    _tokens.Next();
                    break;
                case TokenKind.Newline or TokenKind.CloseBrace or TokenKind.End:
                    break;
                default:
                    throw _tokens.Error(separator, braced ? "',', newline or '}'" : "',' or newline");
            }
        }
    }

    private void ParseFieldOrInclude(HoconObject target)
    {
        var first = _tokens.Next();
        if (first.Kind == TokenKind.UnquotedText && first.Text == "include")
        {
            ParseInclude(target, first);
            return;
        }

        var key = ParseKey(first);
        _tokens.SkipBlankLines();
        var separator = _tokens.Peek();
        var append = false;
        switch (separator.Kind)
        {
            case TokenKind.Colon or TokenKind.EqualsSign:
                _tokens.Next();
                _tokens.SkipBlankLines();
                break;
            case TokenKind.PlusEquals:
                _tokens.Next();
                _tokens.SkipBlankLines();
                append = true;
                break;
            case TokenKind.OpenBrace:
                break;
            default:
                throw _tokens.Error(separator, $"':', '=', '+=' or '{{' after the key '{HoconPath.Render(key)}'");
        }

        if (_depth + _path.Count + key.Length > MaxNestingDepth)
        {
            throw _tokens.Error(first, $"at most {MaxNestingDepth} levels of nesting");
        }

        _path.AddRange(key);
        var value = ParseValue();
        if (append)
        {
            // a += b means a = ${?a} [b], with a as a path from the root of the configuration.
            var position = Position(first);
            string[] fullPath = [.. _path];
            value = new HoconConcatenation([new HoconSubstitution(fullPath, fullPath, isOptional: true, position), new HoconArray([value])], position);
        }

        _path.RemoveRange(_path.Count - key.Length, key.Length);
        SetAtPath(target, key, value);
    }

    private static void SetAtPath(HoconObject target, string[] key, HoconValue value)
    {
        // a.b.c = v is the same as a { b { c = v } }, merged like any duplicate key.
        for (var i = key.Length - 1; i > 0; i--)
        {
            var wrapper = new HoconObject();
            wrapper.SetField(key[i], value);
            value = wrapper;
        }

        ValueMerger.MergeFieldInPlace(target, key[0], value);
    }

    private string[] ParseKey(Token first)
    {
        if (!first.IsPathPiece)
        {
            throw _tokens.Error(first, "a key");
        }

        _pathBuilder.Reset();
        AddPathPiece(first);
        while (true)
        {
            var token = _tokens.Peek();
            if (token.IsPathPiece)
            {
                AddPathPiece(_tokens.Next());
                continue;
            }

            if (token.Kind != TokenKind.Whitespace)
            {
                break;
            }

            // Whitespace inside a key is part of it (a b c = 1 sets "a b c"), but not at the end.
            _tokens.Next();
            if (!_tokens.Peek().IsPathPiece)
            {
                break;
            }

            _pathBuilder.AddQuoted(_tokens.TextOf(token));
        }

        return _pathBuilder.Finish(out var error) ?? throw _tokens.Error(first, "a valid key", error!);
    }

    private void AddPathPiece(Token token)
    {
        if (token.Kind == TokenKind.QuotedString)
        {
            _pathBuilder.AddQuoted(token.Text!);
            return;
        }

        var error = _pathBuilder.AddUnquoted(token.Text!);
        if (error is not null)
        {
            throw _tokens.Error(token, "a valid key", error);
        }
    }

    private HoconValue ParseValue()
    {
        HoconValue? single = null;
        List<HoconValue>? parts = null;
        Token firstToken = default;
        Token pendingWhitespace = default;
        var hasPendingWhitespace = false;
        var hasSubstitution = false;
        while (true)
        {
            var token = _tokens.Peek();
            if (token.Kind == TokenKind.Whitespace)
            {
                _tokens.Next();
                pendingWhitespace = token;
                hasPendingWhitespace = single is not null;
                continue;
            }

            if (!token.StartsValue)
            {
                break;
            }

            _tokens.Next();
            var value = ParseSingleValue(token);
            hasSubstitution |= value is HoconSubstitution;
            if (single is null)
            {
                single = value;
                firstToken = token;
            }
            else
            {
                parts ??= [single];
                if (hasPendingWhitespace)
                {
                    parts.Add(new HoconString(_tokens.TextOf(pendingWhitespace), isSeparatingWhitespace: true));
                }

                parts.Add(value);
            }

            hasPendingWhitespace = false;
        }

        if (single is null)
        {
            throw _tokens.Error(_tokens.Peek(), "a value");
        }

        if (parts is null)
        {
            return single;
        }

        var position = Position(firstToken);
        if (hasSubstitution)
        {
            return new HoconConcatenation([.. parts], position);
        }

        if (!ValueConcatenation.TryJoin(parts, MergeOwned, out var joined, out var error))
        {
            throw new HoconParseException(position.Origin, position.Line, position.Column,
                "values that can be concatenated (all simple values, all arrays or all objects)", error!);
        }

        return joined!;
    }

    private HoconValue ParseSingleValue(Token token) => token.Kind switch
    {
        TokenKind.QuotedString or TokenKind.UnquotedText => new HoconString(token.Text!),
        TokenKind.Number => new HoconNumber(token.Text!),
        TokenKind.True => HoconBoolean.True,
        TokenKind.False => HoconBoolean.False,
        TokenKind.Null => HoconNull.Instance,
        TokenKind.SubstitutionStart or TokenKind.OptionalSubstitutionStart => ParseSubstitution(token),
        TokenKind.OpenBrace => ParseObjectLiteral(token),
        _ => ParseArrayLiteral(token),
    };

    private HoconSubstitution ParseSubstitution(Token start)
    {
        _pathBuilder.Reset();
        var sawPiece = false;
        string? pendingWhitespace = null;
        while (true)
        {
            var token = _tokens.Next();
            if (token.Kind == TokenKind.CloseBrace)
            {
                break;
            }

            if (token.Kind == TokenKind.Whitespace)
            {
                pendingWhitespace = _tokens.TextOf(token);
                continue;
            }

            if (!token.IsPathPiece)
            {
                throw _tokens.Error(token, "a path expression and a closing '}' in the substitution");
            }

            if (pendingWhitespace is not null && sawPiece)
            {
                _pathBuilder.AddQuoted(pendingWhitespace);
            }

            pendingWhitespace = null;
            sawPiece = true;
            AddPathPiece(token);
        }

        var path = _pathBuilder.Finish(out var error) ?? throw _tokens.Error(start, "a path inside '${ }'", error!);
        var prefix = _context.IncludePrefix;
        string[] fullPath = prefix.Length == 0 ? path : [.. prefix, .. path];
        return new HoconSubstitution(fullPath, path, start.Kind == TokenKind.OptionalSubstitutionStart, Position(start));
    }

    private HoconObject ParseObjectLiteral(Token open)
    {
        EnterNesting(open);
        var result = new HoconObject();
        ParseObjectBody(result, braced: true);
        _depth--;
        return result;
    }

    private HoconArray ParseArrayLiteral(Token open)
    {
        EnterNesting(open);
        var elements = new List<HoconValue>();
        while (true)
        {
            _tokens.SkipBlankLines();
            var token = _tokens.Peek();
            if (token.Kind == TokenKind.CloseBracket)
            {
                _tokens.Next();
                break;
            }

            if (!token.StartsValue)
            {
                throw _tokens.Error(token, "a value or ']'");
            }

            elements.Add(ParseValue());
            _tokens.SkipWhitespace();
            var separator = _tokens.Peek();
            switch (separator.Kind)
            {
                case TokenKind.Comma:
                    _tokens.Next();
                    break;
                case TokenKind.Newline or TokenKind.CloseBracket:
                    break;
                default:
                    throw _tokens.Error(separator, "',', newline or ']'");
            }
        }

        _depth--;
        return new HoconArray([.. elements]);
    }

    private void EnterNesting(Token open)
    {
        if (++_depth + _path.Count > MaxNestingDepth)
        {
            throw _tokens.Error(open, $"at most {MaxNestingDepth} levels of nesting");
        }
    }

    private void ParseInclude(HoconObject target, Token includeToken)
    {
        var statement = IncludeStatementReader.Read(_tokens, includeToken);
        string[] includePoint = [.. _path];
        var included = _context.Loader.LoadInclude(statement, _context.Source, includePoint);
        if (included is null)
        {
            return;
        }

        // The included fields land exactly as if they had been written here.
        foreach (var field in included)
        {
            ValueMerger.MergeFieldInPlace(target, field.Key, field.Value);
        }
    }

    private SourcePosition Position(Token token) => _tokens.PositionOf(token);
}

using System.Text;
using ActorRecorder.Hocon.Parsing;

namespace ActorRecorder.Hocon.Paths;

/// <summary>Parses path expressions given to getters and renders paths for messages.</summary>
internal static class HoconPath
{
    /// <summary>Splits a getter path such as <c>a.b."c.d"</c> into its elements.</summary>
    /// <exception cref="ConfigBadPathException">The expression is not a valid path.</exception>
    public static string[] Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (IsPlain(expression))
        {
            return SplitPlain(expression);
        }

        var lexer = new Lexer(expression, "path");
        var builder = new PathExpressionBuilder();
        string? pendingWhitespace = null;
        var seenPiece = false;
        try
        {
            for (var token = lexer.Next(); token.Kind != TokenKind.End; token = lexer.Next())
            {
                if (token.Kind == TokenKind.Whitespace)
                {
                    pendingWhitespace = lexer.TextOf(token);
                    continue;
                }

                if (!token.IsPathPiece)
                {
                    throw new ConfigBadPathException(expression, $"unexpected {token.Describe()} at column {token.Column}");
                }

                // Whitespace counts only between pieces, as in a value concatenation.
                if (pendingWhitespace is not null && seenPiece)
                {
                    builder.AddQuoted(pendingWhitespace);
                }

                pendingWhitespace = null;
                seenPiece = true;
                if (token.Kind == TokenKind.QuotedString)
                {
                    builder.AddQuoted(token.Text!);
                }
                else if (builder.AddUnquoted(token.Text!) is { } error)
                {
                    throw new ConfigBadPathException(expression, error);
                }
            }
        }
        catch (HoconParseException parseError)
        {
            throw new ConfigBadPathException(expression, $"expected {parseError.Expected} but found {parseError.Found}");
        }

        return builder.Finish(out var finishError) ?? throw new ConfigBadPathException(expression, finishError!);
    }

    /// <summary>Renders path elements as a path expression, quoting elements that need it.</summary>
    public static string Render(IReadOnlyList<string> segments)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            AppendSegment(builder, segments[i]);
        }

        return builder.ToString();
    }

    /// <summary>Appends one path element, quoting it when it would not read back as itself.</summary>
    public static void AppendSegment(StringBuilder builder, string segment)
    {
        if (IsPlainSegment(segment))
        {
            builder.Append(segment);
            return;
        }

        Rendering.HoconRenderer.AppendQuoted(builder, segment);
    }

    /// <summary>True for an element made only of letters, digits, '-' and '_' that does not start like a number.</summary>
    public static bool IsPlainSegment(string segment)
    {
        if (segment.Length == 0 || segment[0] == '-' || CharacterClasses.IsAsciiDigit(segment[0]))
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlain(string expression)
    {
        if (expression.Length == 0)
        {
            return false;
        }

        foreach (var c in expression)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string[] SplitPlain(string expression)
    {
        var segments = expression.Split('.');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                throw new ConfigBadPathException(expression, "a path element is empty (use quotes for an empty key)");
            }
        }

        return segments;
    }
}

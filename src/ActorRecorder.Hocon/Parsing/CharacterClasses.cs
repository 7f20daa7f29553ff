using System.Globalization;

namespace ActorRecorder.Hocon.Parsing;

/// <summary>The character classes the HOCON spec defines, shared by the lexer and readers.</summary>
internal static class CharacterClasses
{
    /// <summary>HOCON whitespace: Unicode space/line/paragraph separators, ASCII control whitespace, 0x1C-0x1F and the BOM.</summary>
    public static bool IsWhitespace(char c)
    {
        switch (c)
        {
            case ' ' or '\t' or '\n' or '\v' or '\f' or '\r':
            case >= '\u001C' and <= '\u001F':
            case '\uFEFF':
                return true;
            case < '\u0080':
                return false;
            default:
                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                return category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator;
        }
    }

    /// <summary>Characters the spec forbids in unquoted strings.</summary>
    public static bool IsForbiddenInUnquoted(char c) => c is '$' or '"' or '{' or '}' or '[' or ']' or ':' or '='
        or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\';

    /// <summary>Forbidden characters that have no meaning yet; the spec reserves them, so they are errors.</summary>
    public static bool IsReserved(char c) => c is '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\';

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';
}

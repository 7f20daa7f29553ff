using System.Text;

namespace ActorRecorder.Hocon.Parsing;

/// <summary>
/// Reads Java-properties text (<c>key=value</c>, <c>key: value</c>, <c>key value</c>, <c>#</c>
/// and <c>!</c> comment lines, backslash line continuations and escapes) into a tree, using the
/// spec's mapping: keys split on every '.', values are always strings, and where a key is both
/// a value and a parent object the object wins.
/// </summary>
internal sealed class PropertiesParser
{
    private readonly string _text;
    private readonly string _origin;
    private readonly StringBuilder _builder = new();
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private PropertiesParser(string text, string origin)
    {
        _text = text;
        _origin = origin;
    }

    public static HoconObject Parse(string text, string origin) => new PropertiesParser(text, origin).ParseAll();

    private HoconObject ParseAll()
    {
        var root = new HoconObject();
        while (_position < _text.Length)
        {
            SkipBlanks();
            if (_position >= _text.Length)
            {
                break;
            }

            var c = _text[_position];
            if (IsLineEnd(c))
            {
                ConsumeLineEnd();
                continue;
            }

            var keyLine = _line;
            var keyColumn = _position - _lineStart + 1;
            if (c is '#' or '!')
            {
                SkipToLineEnd();
                continue;
            }

            var key = ReadKey();
            SkipBlanks();
            if (_position < _text.Length && _text[_position] is '=' or ':')
            {
                _position++;
                SkipBlanks();
            }

            var value = ReadValue();
            Store(root, key, value, keyLine, keyColumn);
        }

        return root;
    }

    private string ReadKey()
    {
        _builder.Clear();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is '=' or ':' || IsBlank(c) || IsLineEnd(c))
            {
                break;
            }

            if (c == '\\')
            {
                ReadEscape();
                continue;
            }

            _builder.Append(c);
            _position++;
        }

        return _builder.ToString();
    }

    private string ReadValue()
    {
        _builder.Clear();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (IsLineEnd(c))
            {
                break;
            }

            if (c == '\\')
            {
                ReadEscape();
                continue;
            }

            _builder.Append(c);
            _position++;
        }

        return _builder.ToString();
    }

    private void ReadEscape()
    {
        // _position is at the backslash.
        _position++;
        if (_position >= _text.Length)
        {
            return;
        }

        var c = _text[_position];
        if (IsLineEnd(c))
        {
            // A backslash at the end of a line continues the entry on the next line, whose
            // leading blanks are dropped.
            ConsumeLineEnd();
            SkipBlanks();
            return;
        }

        _position++;
        switch (c)
        {
            case 't': _builder.Append('\t'); break;
            case 'n': _builder.Append('\n'); break;
            case 'r': _builder.Append('\r'); break;
            case 'f': _builder.Append('\f'); break;
            case 'u': _builder.Append(ReadUnicodeEscape()); break;
            default: _builder.Append(c); break;
        }
    }

    private char ReadUnicodeEscape()
    {
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            var digit = _position < _text.Length ? HexValue(_text[_position]) : -1;
            if (digit < 0)
            {
                var found = _position >= _text.Length ? "end of input"
                    : IsLineEnd(_text[_position]) ? "end of line" : $"'{_text[_position]}'";
                throw new HoconParseException(_origin, _line, _position - _lineStart + 1, "four hexadecimal digits after '\\u'", found);
            }

            value = (value * 16) + digit;
            _position++;
        }

        return (char)value;
    }

    private void Store(HoconObject root, string key, string value, int line, int column)
    {
        // Unlike a HOCON path, a properties key splits on every dot and keeps empty elements.
        var elements = key.Split('.');
        if (elements.Length > Parser.MaxNestingDepth)
        {
            throw new HoconParseException(_origin, line, column, $"a key with at most {Parser.MaxNestingDepth} elements", $"{elements.Length} elements");
        }

        var current = root;
        for (var i = 0; i < elements.Length - 1; i++)
        {
            if (current.TryGetValue(elements[i], out var existing) && existing is HoconObject child)
            {
                current = child;
                continue;
            }

            // A string and an object at the same key: the object wins.
            var created = new HoconObject();
            current.SetField(elements[i], created);
            current = created;
        }

        var last = elements[^1];
        if (current.TryGetValue(last, out var previous) && previous is HoconObject)
        {
            return;
        }

        current.SetField(last, new HoconString(value));
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\f';

    private static bool IsLineEnd(char c) => c is '\n' or '\r';

    private void SkipBlanks()
    {
        while (_position < _text.Length && IsBlank(_text[_position]))
        {
            _position++;
        }
    }

    private void SkipToLineEnd()
    {
        while (_position < _text.Length && !IsLineEnd(_text[_position]))
        {
            _position++;
        }
    }

    private void ConsumeLineEnd()
    {
        if (_text[_position] == '\r' && _position + 1 < _text.Length && _text[_position + 1] == '\n')
        {
            _position++;
        }

        _position++;
        _line++;
        _lineStart = _position;
    }
}

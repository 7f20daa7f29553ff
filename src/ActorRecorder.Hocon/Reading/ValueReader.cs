namespace ActorRecorder.Hocon.Reading;

/// <summary>
/// Converts resolved values to the types getters return, applying the spec's automatic
/// conversions (numbers and booleans read as strings, numeric strings read as numbers, the six
/// boolean words, integer-keyed objects read as lists) and nothing else.
/// </summary>
internal static class ValueReader
{
    public static string ReadString(HoconValue value, string path) => value switch
    {
        HoconString text => text.Value,
        HoconNumber number => number.Text,
        HoconBoolean boolean => boolean.Value ? "true" : "false",
        _ => throw WrongType(path, "string", value),
    };

    public static long ReadLong(HoconValue value, string path) => ReadWholeNumber(value, path, "long");

    public static int ReadInt(HoconValue value, string path)
    {
        var whole = ReadWholeNumber(value, path, "int");
        if (whole is < int.MinValue or > int.MaxValue)
        {
            throw WrongType(path, "int", value, "it is outside the 32-bit integer range");
        }

        return (int)whole;
    }

    public static double ReadDouble(HoconValue value, string path)
    {
        switch (value)
        {
            case HoconNumber number:
                return number.DoubleValue;
            case HoconString text when NumberText.TryParseDouble(text.Value, out var parsed):
                return parsed;
            default:
                throw WrongType(path, "double", value);
        }
    }

    public static bool ReadBoolean(HoconValue value, string path)
    {
        switch (value)
        {
            case HoconBoolean boolean:
                return boolean.Value;
            case HoconString text:
                var word = text.Value;
                if (IsAny(word, "true", "yes", "on"))
                {
                    return true;
                }

                if (IsAny(word, "false", "no", "off"))
                {
                    return false;
                }

                throw WrongType(path, "boolean", value, "use true/false, yes/no or on/off");
            default:
                throw WrongType(path, "boolean", value);
        }
    }

    public static TimeSpan ReadDuration(HoconValue value, string path)
    {
        var problem = DurationParser.TryRead(value, out var duration);
        return problem is null ? duration : throw WrongType(path, "duration", value, problem);
    }

    public static long ReadByteSize(HoconValue value, string path)
    {
        var problem = ByteSizeParser.TryRead(value, out var bytes);
        return problem is null ? bytes : throw WrongType(path, "size in bytes", value, problem);
    }

    public static T[] ReadList<T>(HoconValue value, string path, Func<HoconValue, string, T> readElement)
    {
        var list = value switch
        {
            HoconArray array => array,
            HoconObject obj => NumericIndexConversion.TryConvert(obj)
                ?? throw WrongType(path, "list", value, "an object converts to a list only when it has integer keys"),
            _ => throw WrongType(path, "list", value),
        };
        var result = new T[list.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = readElement(list[i], $"{path}[{i}]");
        }

        return result;
    }

    public static HoconObject ReadObject(HoconValue value, string path)
        => value as HoconObject ?? throw WrongType(path, "object", value);

    public static ConfigWrongTypeException WrongType(string path, string expected, HoconValue value, string? detail = null)
        => new(path, expected, ValueDescription.Describe(value), detail);

    private static long ReadWholeNumber(HoconValue value, string path, string expected)
    {
        switch (value)
        {
            case HoconNumber { IsIntegral: true } number:
                return number.LongValue;
            case HoconNumber number when NumberText.TryWholeNumber(number.DoubleValue, out var whole):
                return whole;
            case HoconString text when NumberText.TryParseLong(text.Value, out var parsed):
                return parsed;
            case HoconString text when NumberText.TryParseDouble(text.Value, out var parsedDouble)
                && NumberText.TryWholeNumber(parsedDouble, out var wholeFromText):
                return wholeFromText;
            case HoconNumber or HoconString:
                throw WrongType(path, expected, value, "it is not a whole number in range");
            default:
                throw WrongType(path, expected, value);
        }
    }

    private static bool IsAny(string word, string first, string second, string third)
        => word.Equals(first, StringComparison.OrdinalIgnoreCase)
            || word.Equals(second, StringComparison.OrdinalIgnoreCase)
            || word.Equals(third, StringComparison.OrdinalIgnoreCase);
}

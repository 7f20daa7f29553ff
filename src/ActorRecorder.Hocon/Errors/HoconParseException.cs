namespace ActorRecorder.Hocon;

/// <summary>
/// The configuration text is not valid HOCON. The message has the form
/// <c>origin:line:column: expected X but found Y</c>.
/// </summary>
public sealed class HoconParseException : ConfigException
{
    /// <summary>Creates a parse error at a position in a named source.</summary>
    /// <param name="origin">Where the text came from (file name, resource name or caller-supplied label).</param>
    /// <param name="line">1-based line of the offending character.</param>
    /// <param name="column">1-based column of the offending character.</param>
    /// <param name="expected">What the parser was looking for.</param>
    /// <param name="found">What it found instead.</param>
    public HoconParseException(string origin, int line, int column, string expected, string found)
        : base($"{origin}:{line}:{column}: expected {expected} but found {found}")
    {
        Origin = origin;
        Line = line;
        Column = column;
        Expected = expected;
        Found = found;
    }

    /// <summary>Where the text came from.</summary>
    public string Origin { get; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>What the parser was looking for.</summary>
    public string Expected { get; }

    /// <summary>What the parser found instead.</summary>
    public string Found { get; }
}

namespace ActorRecorder.Recording;

/// <summary>A line of a recording is malformed; the message names the line number and what is wrong.</summary>
public sealed class RecordingFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What is wrong.</param>
    /// <param name="detail">A description of the problem.</param>
    /// <param name="lineNumber">The 1-based line number in the file, or 0 when a single line was parsed.</param>
    /// <param name="path">The file, when one was read.</param>
    /// <param name="innerException">The JSON parser's error, if any.</param>
    public RecordingFormatException(RecordingFormatError error, string detail, long lineNumber = 0, string? path = null, Exception? innerException = null)
        : base(Describe(error, detail, lineNumber, path), innerException)
    {
        Error = error;
        Detail = detail;
        LineNumber = lineNumber;
        Path = path;
    }

    /// <summary>What is wrong.</summary>
    public RecordingFormatError Error { get; }

    /// <summary>The description of the problem, without the location.</summary>
    public string Detail { get; }

    /// <summary>The 1-based line number in the file, or 0 when a single line was parsed.</summary>
    public long LineNumber { get; }

    /// <summary>The file, when one was read.</summary>
    public string? Path { get; }

    /// <summary>The same problem located at <paramref name="lineNumber"/> of <paramref name="path"/>.</summary>
    internal RecordingFormatException At(long lineNumber, string path) => new(Error, Detail, lineNumber, path, InnerException);

    private static string Describe(RecordingFormatError error, string detail, long lineNumber, string? path)
    {
        var where = lineNumber > 0 ? (path is null ? $"line {lineNumber}: " : $"{path}, line {lineNumber}: ") : string.Empty;
        return $"{where}{error}: {detail}";
    }
}

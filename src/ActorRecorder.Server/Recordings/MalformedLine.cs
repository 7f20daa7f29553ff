using ActorRecorder.Recording;

namespace ActorRecorder.Server.Recordings;

/// <summary>A line of a recording that is not an entry, with what is wrong with it.</summary>
/// <param name="Line">Its 1-based line number.</param>
/// <param name="Error">The kind of problem.</param>
/// <param name="Detail">What is wrong, in words.</param>
internal sealed record MalformedLine(long Line, RecordingFormatError Error, string Detail)
{
    public static MalformedLine From(RecordingFormatException error) => new(error.LineNumber, error.Error, error.Detail);
}

using ActorRecorder.Server.Recordings;

namespace ActorRecorder.Server.Har;

/// <summary>What <c>export --har</c> was asked to do.</summary>
/// <param name="Url">The session's URL for the HAR request; <see cref="UnknownUrl"/> when none was given.</param>
/// <param name="RecordedBy">Which end made the recording: the client's frames become Chrome's "send" messages.</param>
/// <param name="Redactor">What to mask in text messages and the URL.</param>
internal sealed record HarExport(string Url, RecordedBy RecordedBy, Redactor Redactor)
{
    /// <summary>The request URL when <c>--url</c> is not given: recordings do not hold the URL.</summary>
    public const string UnknownUrl = "ws://unknown/";
}

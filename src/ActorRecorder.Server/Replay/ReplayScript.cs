using ActorRecorder.Recording;
using ActorRecorder.Server.Recordings;

namespace ActorRecorder.Server.Replay;

/// <summary>
/// What a replay sends and expects, read from the recording before the socket opens: how many client frames there
/// are (for the progress bar) and the server's answers. Only text and binary frames count: close frames end the
/// session instead of being sent as data, and pings and pongs are the sockets' own business.
/// </summary>
/// <param name="Requests">The client's text and binary frames, which the replay sends.</param>
/// <param name="Expected">The server's text and binary frames, in order.</param>
internal sealed record ReplayScript(long Requests, IReadOnlyList<ExpectedAnswer> Expected)
{
    public static async Task<ReplayScript> LoadAsync(RecordingInput input, RecordedBy recordedBy, CancellationToken cancellationToken)
    {
        long requests = 0, frameNumber = 0;
        var expected = new List<ExpectedAnswer>();
        await foreach (var entry in input.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            frameNumber++;
            if (!IsData(entry)) continue;
            if (recordedBy.IsFromClient(entry)) requests++;
            else expected.Add(new ExpectedAnswer(expected.Count + 1, frameNumber, entry.LineNumber, entry.Frame));
        }
        return new ReplayScript(requests, expected);
    }

    /// <summary>Text and binary frames: the messages a replay sends and compares.</summary>
    public static bool IsData(RecordedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Type is FrameType.Text or FrameType.Binary;
    }
}

using ActorRecorder.Recording;

namespace ActorRecorder.Server.Recordings;

/// <summary>
/// Which end of the WebSocket made a recording. A recording's <c>in</c> and <c>out</c> are seen from the side that
/// recorded it: actor-recorder's listeners record on the server (<c>in</c> came from the client), ZenWebsocket
/// records on the client (<c>out</c> went to the server).
/// </summary>
internal enum RecordedBy
{
    /// <summary>Recorded by the server, as actor-recorder's listeners do: <c>in</c> frames are the client's.</summary>
    Server,

    /// <summary>Recorded by the client, as ZenWebsocket does: <c>out</c> frames are the client's.</summary>
    Client,
}

/// <summary>What <see cref="RecordedBy"/> means for a frame's direction.</summary>
internal static class RecordedByExtensions
{
    /// <summary>The direction of the frames the client sent, in a recording made by <paramref name="side"/>.</summary>
    public static Direction ClientSent(this RecordedBy side) => side == RecordedBy.Server ? Direction.In : Direction.Out;

    /// <summary>True when <paramref name="entry"/> is a frame the client sent.</summary>
    public static bool IsFromClient(this RecordedBy side, RecordedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Direction == side.ClientSent();
    }
}

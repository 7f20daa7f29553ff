using ActorRecorder.Recording;

namespace ActorRecorder.Server.Replay;

/// <summary>A recorded answer of the server, which the replay expects again.</summary>
/// <param name="Number">Its 1-based position among the answers.</param>
/// <param name="FrameNumber">Its 1-based position among the recording's entries (as <c>inspect</c> numbers frames).</param>
/// <param name="Line">Its 1-based line in the file.</param>
/// <param name="Content">The recorded frame (text or binary).</param>
internal sealed record ExpectedAnswer(int Number, long FrameNumber, long Line, Frame Content);

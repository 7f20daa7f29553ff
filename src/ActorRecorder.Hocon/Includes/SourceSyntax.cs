namespace ActorRecorder.Hocon.Includes;

/// <summary>The formats a source can be written in, chosen by file extension.</summary>
internal enum SourceSyntax
{
    Hocon,
    Json,
    Properties,
}

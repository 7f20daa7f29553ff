namespace ActorRecorder.Hocon.Parsing;

/// <summary>A place in configuration text, used to point error messages at their cause.</summary>
internal readonly record struct SourcePosition(string Origin, int Line, int Column)
{
    public override string ToString() => $"{Origin}:{Line}:{Column}";
}

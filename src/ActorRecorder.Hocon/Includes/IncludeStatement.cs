using ActorRecorder.Hocon.Parsing;

namespace ActorRecorder.Hocon.Includes;

/// <summary>An include statement as written.</summary>
internal sealed record IncludeStatement(IncludeKind Kind, string Name, bool IsRequired, SourcePosition Position)
{
    /// <summary>The statement as it would be written, for messages.</summary>
    public string Describe()
    {
        var quoted = "\"" + Name + "\"";
        var target = Kind switch
        {
            IncludeKind.File => $"file({quoted})",
            IncludeKind.Classpath => $"classpath({quoted})",
            IncludeKind.Url => $"url({quoted})",
            _ => quoted,
        };
        return IsRequired ? $"required({target})" : target;
    }
}

using ActorRecorder.Hocon.Parsing;
using ActorRecorder.Hocon.Paths;

namespace ActorRecorder.Hocon.Unresolved;

/// <summary>
/// A <c>${path}</c> or <c>${?path}</c> reference, waiting to be replaced during resolution.
/// </summary>
/// <param name="path">The path to look up, already prefixed with the include point when the
/// substitution came from an included file.</param>
/// <param name="pathAsWritten">The path exactly as written in its own file; looked up second
/// when <paramref name="path"/> was prefixed by an include (the spec's fallback), and used to
/// name the environment variable.</param>
/// <param name="isOptional">True for <c>${?path}</c>.</param>
/// <param name="position">Where the substitution was written.</param>
internal sealed class HoconSubstitution(string[] path, string[] pathAsWritten, bool isOptional, SourcePosition position)
    : HoconValue
{
    public string[] Path { get; } = path;

    public string[] PathAsWritten { get; } = pathAsWritten;

    public bool IsOptional { get; } = isOptional;

    public SourcePosition Position { get; } = position;

    /// <summary>True when an include prefixed the path, so the unprefixed path is a second chance.</summary>
    public bool HasIncludeFallback => Path.Length != PathAsWritten.Length;

    public override HoconValueType Type => throw new InvalidOperationException("A substitution has no type until it is resolved.");

    internal override bool IsResolved => false;

    /// <summary>The substitution as it would be written, e.g. <c>${?a.b}</c>.</summary>
    public string Describe() => (IsOptional ? "${?" : "${") + HoconPath.Render(PathAsWritten) + "}";
}

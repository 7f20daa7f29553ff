using ActorRecorder.Hocon.Includes;

namespace ActorRecorder.Hocon.Parsing;

/// <summary>What the parser needs to know about the text it parses besides the text itself.</summary>
/// <param name="Origin">Name used in error messages.</param>
/// <param name="Source">Where the text came from, for locating includes.</param>
/// <param name="IncludePrefix">Path of the include point when this text is an included file;
/// empty for a top-level document. Substitutions and <c>+=</c> are made relative to it.</param>
/// <param name="Loader">Loads included sources.</param>
internal sealed record ParseContext(string Origin, ConfigSource Source, string[] IncludePrefix, SourceLoader Loader);

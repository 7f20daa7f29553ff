namespace ActorRecorder.Hocon.Includes;

/// <summary>The forms of include statement the spec defines.</summary>
internal enum IncludeKind
{
    /// <summary><c>include "name"</c>: a resource adjacent to the including one, of the same kind.</summary>
    Adjacent,

    /// <summary><c>include file("name")</c>.</summary>
    File,

    /// <summary><c>include classpath("name")</c>: here, an embedded resource.</summary>
    Classpath,

    /// <summary><c>include url("name")</c>: not supported.</summary>
    Url,
}

using System.Reflection;

namespace ActorRecorder.Hocon.Includes;

/// <summary>Where a piece of configuration text came from; decides what "adjacent" means for includes.</summary>
internal abstract record ConfigSource
{
    /// <summary>A string handed to the parser; includes resolve against a base directory.</summary>
    public sealed record Text(string BaseDirectory) : ConfigSource;

    /// <summary>A file; includes resolve against its directory.</summary>
    public sealed record File(string FullPath) : ConfigSource;

    /// <summary>An embedded resource; includes resolve to other resources of the same assembly.</summary>
    public sealed record Resource(Assembly Assembly, string ResourceName) : ConfigSource;
}

using System.Reflection;

namespace ActorRecorder.Hocon;

/// <summary>Options for parsing and resolving configuration.</summary>
public sealed record HoconParseOptions
{
    /// <summary>The defaults: environment-variable fallback on, includes relative to the application directory.</summary>
    public static HoconParseOptions Default { get; } = new();

    /// <summary>
    /// When true (the default), a substitution that finds no value in the configuration falls
    /// back to the environment variable of the same name (e.g. <c>${HOME}</c>).
    /// </summary>
    public bool UseEnvironmentVariables { get; init; } = true;

    /// <summary>
    /// Directory that relative includes resolve against when the text did not come from a file
    /// (<see cref="HoconLoader.ParseString(string, HoconParseOptions)"/>). Defaults to
    /// <see cref="AppContext.BaseDirectory"/>; never the process's current directory.
    /// </summary>
    public string? IncludeBaseDirectory { get; init; }

    /// <summary>
    /// Assembly whose embedded resources <c>include classpath("...")</c> reads when the text
    /// itself was not loaded from an assembly.
    /// </summary>
    public Assembly? ResourceAssembly { get; init; }
}
